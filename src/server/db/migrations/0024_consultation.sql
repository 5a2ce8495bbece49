CREATE TABLE "consultation_plan_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"step" text NOT NULL,
	"decision" text NOT NULL,
	"by_name" text NOT NULL,
	"by_user_id" uuid NOT NULL,
	"note" text,
	"decided_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"approved_on" date,
	"created_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "consultation_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	"title" text NOT NULL,
	"reason" text NOT NULL,
	"special_committee_id" uuid,
	"proposer_name" text NOT NULL,
	"author_member_id" uuid,
	"created_by_user_id" uuid,
	"contact_name" text,
	"contact_phone" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"feedback" text
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"plan_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"topic_id" uuid,
	"title" text NOT NULL,
	"form" text NOT NULL,
	"lead_special_committee_id" uuid,
	"unit_ids" uuid[] DEFAULT '{}' NOT NULL,
	"month" integer NOT NULL,
	"research_first" boolean DEFAULT true NOT NULL,
	"description" text,
	"position" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"activity_id" uuid
);
--> statement-breakpoint
CREATE INDEX "consultation_plan_reviews_plan_idx" ON "consultation_plan_reviews" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_plans_year_uq" ON "consultation_plans" USING btree ("committee_id","year");--> statement-breakpoint
CREATE INDEX "consultation_topics_committee_year_idx" ON "consultation_topics" USING btree ("committee_id","year","status");--> statement-breakpoint
CREATE INDEX "consultation_topics_author_idx" ON "consultation_topics" USING btree ("author_member_id");--> statement-breakpoint
CREATE INDEX "consultations_plan_idx" ON "consultations" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "consultations_topic_idx" ON "consultations" USING btree ("topic_id");