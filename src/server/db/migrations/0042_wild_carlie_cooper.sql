CREATE TABLE "consultation_council_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"council_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"responsible" text NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"progress" text,
	"done_on" date
);
--> statement-breakpoint
CREATE TABLE "consultation_council_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"party" text NOT NULL,
	"name" text NOT NULL,
	"unit" text,
	"member_id" uuid,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" integer NOT NULL,
	"topic" text NOT NULL,
	"organizer" text,
	"place" text,
	"day" date,
	"opinions" text,
	"research" text,
	"minutes" text,
	"result" text,
	"published_on" date,
	"status" text DEFAULT 'collecting' NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by_name" text,
	"void_reason" text,
	"created_by_user_id" uuid
);
--> statement-breakpoint
CREATE INDEX "consultation_council_items_council_idx" ON "consultation_council_items" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "consultation_council_participants_council_idx" ON "consultation_council_participants" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "consultation_council_participants_member_idx" ON "consultation_council_participants" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "consultation_councils_committee_idx" ON "consultation_councils" USING btree ("committee_id","year","status");--> statement-breakpoint
-- data: the 联系群众 livelihood councils (民生议事会) become grassroots councils, same ids, at 协商议事 (held, with their 议事情况)
INSERT INTO "consultation_councils" ("id", "committee_id", "version", "created_at", "updated_at", "year", "topic", "place", "day", "minutes", "status", "voided_at", "voided_by_name", "void_reason", "created_by_user_id")
SELECT "id", "committee_id", "version", "created_at", "updated_at", extract(year from "day")::int, "topic", "place", "day", "summary",
  CASE WHEN "status" = 'voided' THEN 'voided' ELSE 'deliberating' END, "voided_at", "voided_by_name", "void_reason", "created_by_user_id"
FROM "outreach_councils";--> statement-breakpoint
-- data: each member who took part, by the roster's name and workplace
INSERT INTO "consultation_council_participants" ("committee_id", "council_id", "party", "name", "unit", "member_id", "created_at")
SELECT c."committee_id", c."id", 'member', m."name", m."workplace", m."id", c."created_at"
FROM "outreach_councils" c CROSS JOIN LATERAL jsonb_array_elements_text(c."member_ids") AS p("member_id") JOIN "members" m ON m."id" = p."member_id"::uuid;--> statement-breakpoint
-- data: their ledger entries (参加民生议事会) now name the council where it lives; kind, member and day are unchanged
UPDATE "ledger_entries" SET "source_type" = 'consultationCouncil' WHERE "source_type" = 'outreachCouncil';
