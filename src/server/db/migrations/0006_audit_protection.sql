-- The audit trail cannot be changed, and rows can be removed only by the retention job, which marks
-- its own transaction (set local shangliang.audit_purge = 'on') and removes only rows older than the
-- retention it was configured with (never under 180 days). Anyone able to drop this trigger can
-- still tamper; `npm run cli -- verify-audit` detects that through the hash chain.
CREATE OR REPLACE FUNCTION shangliang_protect_audit() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION '审计日志不可修改' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF coalesce(current_setting('shangliang.audit_purge', true), '') <> 'on' OR OLD.at > now() - interval '180 days' THEN
    RAISE EXCEPTION '审计日志只能由保留期清理任务删除，且须超过180天' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_protect BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION shangliang_protect_audit();
