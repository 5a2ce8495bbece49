CREATE TABLE "joint_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"joint_activity_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "joint_parts_joint_district_idx" ON "joint_parts" USING btree ("joint_activity_id","district_id");--> statement-breakpoint
CREATE INDEX "joint_parts_activity_idx" ON "joint_parts" USING btree ("activity_id");