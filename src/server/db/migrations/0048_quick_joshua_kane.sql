ALTER TABLE "handling_replies" ADD COLUMN "promise" text;--> statement-breakpoint
ALTER TABLE "handling_replies" ADD COLUMN "promised_by" date;--> statement-breakpoint
ALTER TABLE "handling_replies" ADD COLUMN "promise_outcome" text;--> statement-breakpoint
ALTER TABLE "handling_replies" ADD COLUMN "promise_note" text;--> statement-breakpoint
ALTER TABLE "handling_replies" ADD COLUMN "promise_checked_on" date;--> statement-breakpoint
ALTER TABLE "handling_replies" ADD COLUMN "promise_recorded_by" text;--> statement-breakpoint
CREATE INDEX "replies_promised_idx" ON "handling_replies" USING btree ("committee_id","promised_by");