CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"owner_type" text DEFAULT 'meeting' NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"session_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"mandatory" boolean DEFAULT true NOT NULL,
	"organiser_office" text DEFAULT 'general' NOT NULL,
	"invitation_scopes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"materials" text DEFAULT '' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "activity_invitees" (
	"activity_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reply" text DEFAULT 'pending' NOT NULL,
	"replied_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"check_in_method" text,
	"checked_in_by" uuid,
	"left_at" timestamp with time zone,
	"outcome" text,
	"note" text,
	CONSTRAINT "activity_invitees_activity_id_member_id_pk" PRIMARY KEY("activity_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "installation_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_leave_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"decided_by_name" text,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "plenary_speeches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"session_id" uuid,
	"year" integer NOT NULL,
	"member_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_name" text,
	"decision_note" text
);
--> statement-breakpoint
CREATE INDEX "activities_committee_starts_idx" ON "activities" USING btree ("committee_id","starts_at");--> statement-breakpoint
CREATE INDEX "activities_committee_year_idx" ON "activities" USING btree ("committee_id","year");--> statement-breakpoint
CREATE INDEX "activity_invitees_member_idx" ON "activity_invitees" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "activity_leave_activity_idx" ON "activity_leave_requests" USING btree ("activity_id","member_id");--> statement-breakpoint
CREATE INDEX "plenary_speeches_committee_year_idx" ON "plenary_speeches" USING btree ("committee_id","year");--> statement-breakpoint
CREATE INDEX "plenary_speeches_member_idx" ON "plenary_speeches" USING btree ("member_id");