CREATE TABLE "evaluation_representatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"name" text NOT NULL,
	"organisation" text NOT NULL,
	"phone" text,
	"token_hash" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_by_name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_tallies" DROP CONSTRAINT "evaluation_tallies_campaign_id_unit_id_indicator_key_choice_pk";--> statement-breakpoint
ALTER TABLE "evaluation_participation" ALTER COLUMN "member_id" DROP NOT NULL;--> statement-breakpoint
-- the column first: the new primary key includes it
ALTER TABLE "evaluation_tallies" ADD COLUMN "respondent_kind" text DEFAULT 'member' NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation_tallies" ADD CONSTRAINT "evaluation_tallies_campaign_id_unit_id_respondent_kind_indicator_key_choice_pk" PRIMARY KEY("campaign_id","unit_id","respondent_kind","indicator_key","choice");--> statement-breakpoint
ALTER TABLE "evaluation_campaigns" ADD COLUMN "public_open" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation_participation" ADD COLUMN "respondent_kind" text DEFAULT 'member' NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation_participation" ADD COLUMN "representative_id" uuid;--> statement-breakpoint
ALTER TABLE "evaluation_participation" ADD COLUMN "device_hash" text;--> statement-breakpoint
CREATE INDEX "evaluation_representatives_campaign_idx" ON "evaluation_representatives" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_representatives_token_uq" ON "evaluation_representatives" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_participation_rep_uq" ON "evaluation_participation" USING btree ("campaign_id","unit_id","representative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_participation_device_uq" ON "evaluation_participation" USING btree ("campaign_id","unit_id","device_hash");