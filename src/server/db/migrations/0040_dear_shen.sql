CREATE TABLE "consultation_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"questions" text[] NOT NULL,
	"answers" text[] NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"rated_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_ratings_uq" ON "consultation_ratings" USING btree ("consultation_id","member_id");