CREATE TABLE "evaluation_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"unit_ids" uuid[] DEFAULT '{}' NOT NULL,
	"invited_member_ids" uuid[] DEFAULT '{}' NOT NULL,
	"indicators" jsonb NOT NULL,
	"phases" jsonb NOT NULL,
	"proposed_on" date,
	"proposal_note" text,
	"approved_on" date,
	"approval_note" text,
	"published_on" date,
	"created_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'handling' NOT NULL,
	"handling_round" integer DEFAULT 1 NOT NULL,
	"recheck_note" text,
	"rechecked_on" date,
	"created_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_participation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"responded_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_tallies" (
	"committee_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"indicator_key" text NOT NULL,
	"choice" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "evaluation_tallies_campaign_id_unit_id_indicator_key_choice_pk" PRIMARY KEY("campaign_id","unit_id","indicator_key","choice")
);
--> statement-breakpoint
CREATE INDEX "evaluation_campaigns_year_idx" ON "evaluation_campaigns" USING btree ("committee_id","year");--> statement-breakpoint
CREATE INDEX "evaluation_findings_campaign_idx" ON "evaluation_findings" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "evaluation_findings_unit_idx" ON "evaluation_findings" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_participation_uq" ON "evaluation_participation" USING btree ("campaign_id","unit_id","member_id");--> statement-breakpoint
CREATE INDEX "evaluation_participation_member_idx" ON "evaluation_participation" USING btree ("member_id");