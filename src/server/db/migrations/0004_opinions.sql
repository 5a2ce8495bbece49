CREATE TABLE "opinion_adoptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"opinion_id" uuid NOT NULL,
	"level" text NOT NULL,
	"mode" text NOT NULL,
	"adopted_by" text NOT NULL,
	"department" text,
	"adopted_on" date NOT NULL,
	"issue_id" uuid,
	"recorded_by_committee_id" uuid NOT NULL,
	"recorded_by_name" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_issue_items" (
	"issue_id" uuid NOT NULL,
	"opinion_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approved_by_name" text,
	"approved_at" timestamp with time zone,
	"signed_by_name" text,
	"signed_at" timestamp with time zone,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "opinion_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"opinion_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"editor_user_id" uuid NOT NULL,
	"editor_name" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_sends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opinion_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_name" text NOT NULL,
	"target_committee_id" uuid,
	"sent_on" date NOT NULL,
	"issue_id" uuid,
	"recorded_by_name" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'sent' NOT NULL,
	"feedback" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" integer NOT NULL,
	"serial" integer,
	"author_type" text NOT NULL,
	"author_member_id" uuid,
	"author_body" text,
	"author_text" text NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"feedback" text,
	"combined_into_id" uuid,
	"issue_id" uuid,
	"sent_up_to_committee_id" uuid,
	"sent_up_at" timestamp with time zone,
	"handling_status" text,
	"handling_round" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "opinion_adoptions_opinion_idx" ON "opinion_adoptions" USING btree ("opinion_id");--> statement-breakpoint
CREATE INDEX "opinion_adoptions_committee_idx" ON "opinion_adoptions" USING btree ("committee_id","level");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_issue_items_uq" ON "opinion_issue_items" USING btree ("issue_id","opinion_id");--> statement-breakpoint
CREATE INDEX "opinion_issue_items_opinion_idx" ON "opinion_issue_items" USING btree ("opinion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_issues_number_uq" ON "opinion_issues" USING btree ("committee_id","year","number");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_revisions_number_uq" ON "opinion_revisions" USING btree ("opinion_id","number");--> statement-breakpoint
CREATE INDEX "opinion_sends_opinion_idx" ON "opinion_sends" USING btree ("opinion_id");--> statement-breakpoint
CREATE INDEX "opinion_sends_target_idx" ON "opinion_sends" USING btree ("target_committee_id","status");--> statement-breakpoint
CREATE INDEX "opinions_committee_status_idx" ON "opinions" USING btree ("committee_id","status");--> statement-breakpoint
CREATE INDEX "opinions_author_idx" ON "opinions" USING btree ("author_member_id");--> statement-breakpoint
CREATE INDEX "opinions_sent_up_idx" ON "opinions" USING btree ("sent_up_to_committee_id");--> statement-breakpoint
CREATE INDEX "opinions_combined_into_idx" ON "opinions" USING btree ("combined_into_id");