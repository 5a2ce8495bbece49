CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"part" text DEFAULT 'lead' NOT NULL,
	"day" date NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"note" text,
	"voided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handling_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"assigned_on" date NOT NULL,
	"objection_deadline" date NOT NULL,
	"reply_deadline" date NOT NULL,
	"signed_at" timestamp with time zone,
	"objection_reason" text,
	"objection_decision" text,
	"opinion" text,
	"opinion_at" timestamp with time zone,
	"extension_reason" text,
	"extension_days" integer,
	"extended_days" integer DEFAULT 0 NOT NULL,
	"extension_status" text,
	"reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "handling_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"unit_id" uuid,
	"author_user_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"stage" text NOT NULL,
	"method" text NOT NULL,
	"contact_on" date NOT NULL,
	"summary" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instructions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"leader_user_id" uuid,
	"leader_name" text NOT NULL,
	"level" text NOT NULL,
	"instructed_on" date NOT NULL,
	"text" text NOT NULL,
	"follow_up" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handling_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"member_id" uuid NOT NULL,
	"attitude" text NOT NULL,
	"result" text NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handling_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"answer_class" text NOT NULL,
	"body" text NOT NULL,
	"contact_person" text NOT NULL,
	"contact_phone" text NOT NULL,
	"signed_by" text,
	"signed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"disclose" boolean DEFAULT true NOT NULL,
	"nondisclosure_reason" text
);
--> statement-breakpoint
CREATE TABLE "proposal_cosigners" (
	"proposal_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"position" integer NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "proposal_cosigners_proposal_id_member_id_pk" PRIMARY KEY("proposal_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"session_id" uuid,
	"year" integer NOT NULL,
	"kind" text DEFAULT 'session' NOT NULL,
	"author_type" text NOT NULL,
	"lead_member_id" uuid,
	"collective_body" text,
	"created_by_user_id" uuid,
	"proposer_text" text,
	"title" text NOT NULL,
	"background" text DEFAULT '' NOT NULL,
	"analysis" text DEFAULT '' NOT NULL,
	"suggestions" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"review_steps" text[] DEFAULT '{}' NOT NULL,
	"serial" integer,
	"number" integer,
	"number_text" text,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"reject_reason_code" text,
	"converted_to" text,
	"merged_into_id" uuid,
	"is_key" boolean DEFAULT false NOT NULL,
	"key_leader_user_id" uuid,
	"key_leader_name" text,
	"is_excellent" boolean DEFAULT false NOT NULL,
	"proposer_consent" boolean DEFAULT true NOT NULL,
	"published_at" timestamp with time zone,
	"handling_round" integer DEFAULT 0 NOT NULL,
	"rate_deadline" text,
	"historical" boolean DEFAULT false NOT NULL,
	"source_ref" text
);
--> statement-breakpoint
CREATE TABLE "proposal_review_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"step" text NOT NULL,
	"reviewer_user_id" uuid NOT NULL,
	"reviewer_name" text NOT NULL,
	"opinion" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ledger_member_idx" ON "ledger_entries" USING btree ("member_id","day");--> statement-breakpoint
CREATE INDEX "ledger_source_idx" ON "ledger_entries" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "assignments_subject_idx" ON "handling_assignments" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "assignments_unit_idx" ON "handling_assignments" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "contacts_subject_idx" ON "handling_contacts" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "instructions_subject_idx" ON "instructions" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "ratings_subject_idx" ON "handling_ratings" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "replies_subject_idx" ON "handling_replies" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "cosigners_member_idx" ON "proposal_cosigners" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "proposals_committee_status_idx" ON "proposals" USING btree ("committee_id","status");--> statement-breakpoint
CREATE INDEX "proposals_lead_idx" ON "proposals" USING btree ("lead_member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_session_number_uq" ON "proposals" USING btree ("session_id","number");--> statement-breakpoint
CREATE INDEX "review_opinions_proposal_idx" ON "proposal_review_opinions" USING btree ("proposal_id");