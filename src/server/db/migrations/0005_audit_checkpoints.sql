CREATE TABLE "audit_checkpoints" (
	"committee_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"purged_before" timestamp with time zone NOT NULL
);
