CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by_user_id" uuid NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "attachments_subject_idx" ON "attachments" USING btree ("subject_type","subject_id");--> statement-breakpoint
-- opinion reports' files move into the shared table (the old one is dropped by the next migration)
INSERT INTO "attachments" ("id", "committee_id", "subject_type", "subject_id", "filename", "content_type", "size", "data", "uploaded_by_user_id", "uploaded_by_name", "uploaded_at", "removed_at")
SELECT "id", "committee_id", 'opinion', "opinion_id", "filename", "content_type", "size", "data", "uploaded_by_user_id", "uploaded_by_name", "uploaded_at", "removed_at" FROM "opinion_attachments";
