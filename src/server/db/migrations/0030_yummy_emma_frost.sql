CREATE TABLE "research_conversions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"title" text NOT NULL,
	"author_text" text NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "research_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"topic_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"handling_status" text DEFAULT 'handling' NOT NULL,
	"handling_round" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "research_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"state" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decided_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "research_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	"form" text DEFAULT 'research' NOT NULL,
	"title" text NOT NULL,
	"reason" text NOT NULL,
	"special_committee_id" uuid,
	"created_by_user_id" uuid,
	"questions" text DEFAULT '' NOT NULL,
	"places" text[] DEFAULT '{}' NOT NULL,
	"unit_ids" uuid[] DEFAULT '{}' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"status" text DEFAULT 'drafting' NOT NULL,
	"report_title" text DEFAULT '' NOT NULL,
	"background" text DEFAULT '' NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"suggestions" text DEFAULT '' NOT NULL,
	"return_note" text,
	"finalized_on" date
);
--> statement-breakpoint
CREATE TABLE "research_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"place" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "research_conversions_topic_idx" ON "research_conversions" USING btree ("topic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "research_conversions_target_uq" ON "research_conversions" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "research_items_topic_idx" ON "research_items" USING btree ("topic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "research_members_uq" ON "research_members" USING btree ("topic_id","member_id");--> statement-breakpoint
CREATE INDEX "research_members_member_idx" ON "research_members" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "research_topics_committee_year_idx" ON "research_topics" USING btree ("committee_id","year");--> statement-breakpoint
CREATE INDEX "research_visits_topic_idx" ON "research_visits" USING btree ("topic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "research_visits_activity_uq" ON "research_visits" USING btree ("activity_id");