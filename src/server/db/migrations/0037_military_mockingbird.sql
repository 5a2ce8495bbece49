CREATE TABLE "proposal_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" integer NOT NULL,
	"serial" integer NOT NULL,
	"title" text NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"unit_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "opinion_contact_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"place" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"liaisons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "topic_id" uuid;--> statement-breakpoint
ALTER TABLE "opinions" ADD COLUMN "contact_point_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_topics_serial_uq" ON "proposal_topics" USING btree ("committee_id","year","serial");--> statement-breakpoint
CREATE INDEX "proposal_topics_committee_year_idx" ON "proposal_topics" USING btree ("committee_id","year","status");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_contact_points_name_uq" ON "opinion_contact_points" USING btree ("committee_id","name");--> statement-breakpoint
CREATE INDEX "proposals_topic_idx" ON "proposals" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "opinions_contact_point_idx" ON "opinions" USING btree ("contact_point_id");