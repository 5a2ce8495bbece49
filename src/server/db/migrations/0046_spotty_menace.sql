CREATE TABLE "consultation_key_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"key_proposal_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_key_proposals_uq" ON "consultation_key_proposals" USING btree ("consultation_id","key_proposal_id");--> statement-breakpoint
CREATE INDEX "consultation_key_proposals_key_idx" ON "consultation_key_proposals" USING btree ("key_proposal_id");