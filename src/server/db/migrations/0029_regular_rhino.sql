CREATE TABLE "summary_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"narratives" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sections" jsonb NOT NULL,
	"created_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "summary_versions_number_uq" ON "summary_versions" USING btree ("committee_id","year","number");--> statement-breakpoint
CREATE INDEX "summary_versions_year_idx" ON "summary_versions" USING btree ("committee_id","year");