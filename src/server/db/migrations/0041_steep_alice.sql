ALTER TABLE "plenary_speeches" ADD COLUMN "contributor_member_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "opinions" ADD COLUMN "direct" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "opinions" ADD COLUMN "contributor_member_ids" uuid[] DEFAULT '{}' NOT NULL;