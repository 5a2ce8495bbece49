CREATE TABLE "supervision_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"topic_id" uuid,
	"activity_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "supervision_activities_group_idx" ON "supervision_activities" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "supervision_activities_topic_idx" ON "supervision_activities" USING btree ("topic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_activities_activity_uq" ON "supervision_activities" USING btree ("activity_id");