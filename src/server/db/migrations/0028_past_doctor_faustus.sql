CREATE TABLE "public_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer" integer NOT NULL,
	"address_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"form" text NOT NULL,
	"address_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "livelihood_request_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"day" date NOT NULL,
	"body" text NOT NULL,
	"by_name" text NOT NULL,
	"by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "livelihood_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"year" integer NOT NULL,
	"code" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"sender_name" text,
	"sender_phone" text NOT NULL,
	"category" text NOT NULL,
	"place" text NOT NULL,
	"body" text NOT NULL,
	"received_on" date NOT NULL,
	"studio_id" uuid,
	"member_id" uuid,
	"route_note" text,
	"outcome" text,
	"decline_reason" text,
	"done_on" date,
	"rating" text,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"proposal_id" uuid,
	"opinion_id" uuid
);
--> statement-breakpoint
CREATE INDEX "public_challenges_expires_idx" ON "public_challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "public_submissions_address_idx" ON "public_submissions" USING btree ("address_hash","created_at");--> statement-breakpoint
CREATE INDEX "livelihood_request_notes_request_idx" ON "livelihood_request_notes" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "livelihood_requests_code_uq" ON "livelihood_requests" USING btree ("code");--> statement-breakpoint
CREATE INDEX "livelihood_requests_committee_idx" ON "livelihood_requests" USING btree ("committee_id","status");--> statement-breakpoint
CREATE INDEX "livelihood_requests_member_idx" ON "livelihood_requests" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "livelihood_requests_proposal_idx" ON "livelihood_requests" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "livelihood_requests_opinion_idx" ON "livelihood_requests" USING btree ("opinion_id");