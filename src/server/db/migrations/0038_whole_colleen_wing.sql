CREATE TABLE "consultation_room_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"poll_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"choices" integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_room_polls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"room_id" uuid NOT NULL,
	"question" text NOT NULL,
	"kind" text NOT NULL,
	"options" text[] NOT NULL,
	"max_choices" integer,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_room_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"room_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_kind" text NOT NULL,
	"author_member_id" uuid,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "consultation_room_supports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"intro" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"public_access" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"summary" text,
	"summarized_on" date,
	"created_by_user_id" uuid
);
--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_room_ballots_uq" ON "consultation_room_ballots" USING btree ("poll_id","member_id");--> statement-breakpoint
CREATE INDEX "consultation_room_polls_room_idx" ON "consultation_room_polls" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "consultation_room_posts_room_idx" ON "consultation_room_posts" USING btree ("room_id","status");--> statement-breakpoint
CREATE INDEX "consultation_room_posts_author_idx" ON "consultation_room_posts" USING btree ("author_member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_room_supports_uq" ON "consultation_room_supports" USING btree ("post_id","member_id");--> statement-breakpoint
CREATE INDEX "consultation_rooms_consultation_idx" ON "consultation_rooms" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "consultation_rooms_committee_idx" ON "consultation_rooms" USING btree ("committee_id","status");