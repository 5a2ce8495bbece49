DROP INDEX "assignments_subject_idx";--> statement-breakpoint
DROP INDEX "ratings_subject_idx";--> statement-breakpoint
DROP INDEX "replies_subject_idx";--> statement-breakpoint
CREATE INDEX "assignments_subject_idx" ON "handling_assignments" USING btree ("subject_type","subject_id","status","unit_id","role","reply_deadline");--> statement-breakpoint
CREATE INDEX "ratings_subject_idx" ON "handling_ratings" USING btree ("subject_type","subject_id","round" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"attitude","result");--> statement-breakpoint
CREATE INDEX "replies_subject_idx" ON "handling_replies" USING btree ("subject_type","subject_id","status","unit_id","round","answer_class");