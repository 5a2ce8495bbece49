CREATE TABLE "studio_profiles" (
	"studio_id" uuid PRIMARY KEY NOT NULL,
	"committee_id" uuid NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"opening_hours" text DEFAULT '' NOT NULL,
	"introduction" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "studio_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"studio_id" uuid NOT NULL,
	"asker_name" text,
	"asker_contact" text NOT NULL,
	"body" text NOT NULL,
	"asked_on" date NOT NULL,
	"status" text DEFAULT 'asked' NOT NULL,
	"answer" text,
	"answered_by_member_id" uuid,
	"answered_by_name" text,
	"answered_on" date,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "studio_questions_studio_idx" ON "studio_questions" USING btree ("studio_id","status");--> statement-breakpoint
CREATE INDEX "studio_questions_committee_idx" ON "studio_questions" USING btree ("committee_id","created_at");