CREATE TABLE "excellent_nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	"special_committee_id" uuid,
	"reason" text NOT NULL,
	"status" text DEFAULT 'nominated' NOT NULL,
	"nominated_on" date NOT NULL,
	"decided_on" date,
	"published_on" date,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "key_proposal_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"key_proposal_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"agenda" text NOT NULL,
	"scheduled_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'shortlisted' NOT NULL,
	"shortlist_note" text NOT NULL,
	"shortlisted_on" date NOT NULL,
	"shortlisted_by_user_id" uuid NOT NULL,
	"decided_on" date,
	"decision_ref" text,
	"chair_user_id" uuid,
	"chair_name" text,
	"gov_leader_user_id" uuid,
	"gov_leader_name" text,
	"reviewed_on" date,
	"review_text" text,
	"signed_on" date,
	"sign_text" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "excellent_nominations_proposal_uq" ON "excellent_nominations" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "excellent_nominations_committee_year_idx" ON "excellent_nominations" USING btree ("committee_id","year");--> statement-breakpoint
CREATE INDEX "key_schedules_key_idx" ON "key_proposal_schedules" USING btree ("key_proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "key_schedules_activity_uq" ON "key_proposal_schedules" USING btree ("activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "key_proposals_proposal_uq" ON "key_proposals" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "key_proposals_committee_year_idx" ON "key_proposals" USING btree ("committee_id","year");--> statement-breakpoint
CREATE INDEX "key_proposals_chair_idx" ON "key_proposals" USING btree ("chair_user_id");