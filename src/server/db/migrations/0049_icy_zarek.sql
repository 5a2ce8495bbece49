CREATE TABLE "learning_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"source" text NOT NULL,
	"link" text,
	"for_date" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "learning_marks" (
	"item_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"learned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_marks_item_id_member_id_pk" PRIMARY KEY("item_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "reading_checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"group_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"day" date NOT NULL,
	"reading" text NOT NULL,
	"note" text,
	"featured_at" timestamp with time zone,
	"featured_by_user_id" uuid,
	CONSTRAINT "reading_checkins_once_a_day" UNIQUE("group_id","member_id","day")
);
--> statement-breakpoint
CREATE TABLE "reading_group_members" (
	"group_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	CONSTRAINT "reading_group_members_group_id_member_id_pk" PRIMARY KEY("group_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "reading_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"book_title" text NOT NULL,
	"description" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by_user_id" uuid
);
--> statement-breakpoint
CREATE INDEX "learning_items_committee_idx" ON "learning_items" USING btree ("committee_id","status","for_date");--> statement-breakpoint
CREATE INDEX "learning_marks_member_idx" ON "learning_marks" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "reading_checkins_member_idx" ON "reading_checkins" USING btree ("member_id","day");--> statement-breakpoint
CREATE INDEX "reading_group_members_member_idx" ON "reading_group_members" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "reading_groups_committee_idx" ON "reading_groups" USING btree ("committee_id","starts_on");