ALTER TABLE "ledger_entries" ADD COLUMN "occasion_id" uuid;--> statement-breakpoint
-- attendance already recorded: a plenary half-day's entries belong to its session
UPDATE "ledger_entries" SET "occasion_id" = "activities"."session_id" FROM "activities" WHERE "ledger_entries"."source_type" = 'activity' AND "ledger_entries"."source_id" = "activities"."id" AND "activities"."session_id" IS NOT NULL;
