ALTER TABLE "consultations" ADD COLUMN "noticed_on" date;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "minutes_on" date;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "reminded_timings" text[] DEFAULT '{}' NOT NULL;