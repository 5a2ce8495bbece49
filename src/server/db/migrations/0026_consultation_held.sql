CREATE TABLE "consultation_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"member_id" uuid,
	"name" text NOT NULL,
	"affiliation" text DEFAULT '' NOT NULL,
	"checked_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"handling_status" text DEFAULT 'handling' NOT NULL,
	"handling_round" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_speeches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "held_on" date;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "minutes" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "outcome_kind" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "outcome_title" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "outcome_text" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "outcome_sent_on" date;--> statement-breakpoint
CREATE INDEX "consultation_participants_idx" ON "consultation_participants" USING btree ("consultation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_participants_member_uq" ON "consultation_participants" USING btree ("consultation_id","member_id");--> statement-breakpoint
CREATE INDEX "consultation_recommendations_idx" ON "consultation_recommendations" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "consultation_speeches_idx" ON "consultation_speeches" USING btree ("consultation_id");