-- The plenary sessions join the per-committee cache (platform/cache, migration 0033): every proposal
-- list and draft asks which session is current, and sessions change a few times a year. A write to
-- plenary_sessions gives the committees it touched a new generation, in the writer's transaction.
CREATE TRIGGER plenary_sessions_cache_insert AFTER INSERT ON plenary_sessions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shangliang_cache_bump();
--> statement-breakpoint
CREATE TRIGGER plenary_sessions_cache_update AFTER UPDATE ON plenary_sessions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shangliang_cache_bump();
--> statement-breakpoint
CREATE TRIGGER plenary_sessions_cache_delete AFTER DELETE ON plenary_sessions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shangliang_cache_bump();
--> statement-breakpoint
CREATE TRIGGER plenary_sessions_cache_truncate AFTER TRUNCATE ON plenary_sessions FOR EACH STATEMENT EXECUTE FUNCTION shangliang_cache_bump();
