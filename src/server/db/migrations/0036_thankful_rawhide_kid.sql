CREATE TABLE "home_duties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"day" date NOT NULL,
	"member_id" uuid NOT NULL,
	"capacity" text NOT NULL,
	"special_committee_id" uuid,
	"note" text,
	"status" text DEFAULT 'active' NOT NULL,
	"cancel_reason" text,
	"created_by_user_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "home_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"visit_id" uuid NOT NULL,
	"duty_id" uuid NOT NULL,
	"day" date NOT NULL,
	"body" text NOT NULL,
	"proposal_id" uuid,
	"opinion_id" uuid,
	"converted_at" timestamp with time zone,
	"converted_by_name" text
);
--> statement-breakpoint
CREATE TABLE "home_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"duty_id" uuid NOT NULL,
	"day" date NOT NULL,
	"visitor_member_id" uuid,
	"visitor_name" text NOT NULL,
	"visitor_note" text,
	"topic" text NOT NULL,
	"said" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_by_user_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE INDEX "home_duties_committee_day_idx" ON "home_duties" USING btree ("committee_id","day");--> statement-breakpoint
CREATE INDEX "home_duties_member_idx" ON "home_duties" USING btree ("member_id","day");--> statement-breakpoint
CREATE INDEX "home_suggestions_visit_idx" ON "home_suggestions" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "home_suggestions_proposal_idx" ON "home_suggestions" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "home_suggestions_opinion_idx" ON "home_suggestions" USING btree ("opinion_id");--> statement-breakpoint
CREATE INDEX "home_visits_committee_day_idx" ON "home_visits" USING btree ("committee_id","day");--> statement-breakpoint
CREATE INDEX "home_visits_duty_idx" ON "home_visits" USING btree ("duty_id");