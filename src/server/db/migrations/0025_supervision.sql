CREATE TABLE "special_supervisors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"workplace" text NOT NULL,
	"phone" text,
	"group_id" uuid,
	"term" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"on" date NOT NULL,
	"text" text NOT NULL,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"role" text NOT NULL,
	"joined_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"term" text NOT NULL,
	"leader_member_id" uuid NOT NULL,
	"unit_ids" uuid[] DEFAULT '{}' NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" integer NOT NULL,
	"serial" integer,
	"group_id" uuid NOT NULL,
	"leader_member_id" uuid NOT NULL,
	"group_member_ids" uuid[] DEFAULT '{}' NOT NULL,
	"topic_id" uuid,
	"title" text NOT NULL,
	"findings" text NOT NULL,
	"recommendations" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"drafted_by_member_id" uuid,
	"drafted_by_name" text NOT NULL,
	"review_note" text,
	"signed_by_name" text,
	"signed_at" timestamp with time zone,
	"sent_on" date,
	"handling_round" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "supervision_topic_proposals" (
	"topic_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"description" text,
	"group_id" uuid,
	"created_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "supervision_follow_ups_suggestion_idx" ON "supervision_follow_ups" USING btree ("suggestion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_group_members_uq" ON "supervision_group_members" USING btree ("group_id","member_id");--> statement-breakpoint
CREATE INDEX "supervision_group_members_member_idx" ON "supervision_group_members" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_groups_name_uq" ON "supervision_groups" USING btree ("committee_id","term","name");--> statement-breakpoint
CREATE INDEX "supervision_suggestions_status_idx" ON "supervision_suggestions" USING btree ("committee_id","status");--> statement-breakpoint
CREATE INDEX "supervision_suggestions_group_idx" ON "supervision_suggestions" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_topic_proposals_uq" ON "supervision_topic_proposals" USING btree ("topic_id","proposal_id");--> statement-breakpoint
CREATE INDEX "supervision_topic_proposals_proposal_idx" ON "supervision_topic_proposals" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "supervision_topics_year_idx" ON "supervision_topics" USING btree ("committee_id","year");