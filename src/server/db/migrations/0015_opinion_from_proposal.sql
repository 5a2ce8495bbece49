ALTER TABLE "opinions" ADD COLUMN "from_proposal_id" uuid;--> statement-breakpoint
CREATE INDEX "opinions_from_proposal_idx" ON "opinions" USING btree ("from_proposal_id");