CREATE TABLE "outreach_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"member_id" uuid NOT NULL,
	"day" date NOT NULL,
	"way" text NOT NULL,
	"people" jsonb NOT NULL,
	"raised" text NOT NULL,
	"follow_up" text,
	"status" text DEFAULT 'active' NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by_name" text,
	"void_reason" text,
	"created_by_user_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"topic" text NOT NULL,
	"day" date NOT NULL,
	"place" text NOT NULL,
	"member_ids" jsonb NOT NULL,
	"summary" text,
	"status" text DEFAULT 'active' NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by_name" text,
	"void_reason" text,
	"created_by_user_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_deeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"member_id" uuid NOT NULL,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"action" text NOT NULL,
	"beneficiaries" text NOT NULL,
	"day" date NOT NULL,
	"status" text DEFAULT 'inProgress' NOT NULL,
	"completed_on" date,
	"result" text,
	"voided_at" timestamp with time zone,
	"voided_by_name" text,
	"void_reason" text,
	"created_by_user_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"member_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sector" text NOT NULL,
	"phone" text,
	"note" text,
	"status" text DEFAULT 'active' NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by_name" text,
	"void_reason" text,
	"created_by_user_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"member_id" uuid NOT NULL,
	"title" text NOT NULL,
	"day" date NOT NULL,
	"hours" real NOT NULL,
	"place" text,
	"note" text,
	"status" text DEFAULT 'active' NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by_name" text,
	"void_reason" text,
	"created_by_user_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE INDEX "outreach_contacts_member_idx" ON "outreach_contacts" USING btree ("committee_id","member_id","day");--> statement-breakpoint
CREATE INDEX "outreach_councils_committee_day_idx" ON "outreach_councils" USING btree ("committee_id","day");--> statement-breakpoint
CREATE INDEX "outreach_deeds_member_idx" ON "outreach_deeds" USING btree ("committee_id","member_id","day");--> statement-breakpoint
CREATE INDEX "outreach_partners_member_idx" ON "outreach_partners" USING btree ("committee_id","member_id");--> statement-breakpoint
CREATE INDEX "outreach_services_member_idx" ON "outreach_services" USING btree ("committee_id","member_id","day");