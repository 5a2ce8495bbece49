import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { auditCheckpoints, auditLog } from './schema.js';

/** The law's floor (等保 2.0: audit records kept at least six months); settings may only raise it. */
export const MIN_AUDIT_RETENTION_DAYS = 180;

/**
 * Removes a committee's audit rows older than its retention, recording where the chain resumes.
 * The database refuses any other deletion (migration 0006); this transaction marks itself.
 */
export async function purgeAudit(database: Database, committeeId: string, retentionDays: number, now = new Date()): Promise<number> {
  const days = Math.max(retentionDays, MIN_AUDIT_RETENTION_DAYS);
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  return database.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .where(and(eq(auditLog.committeeId, committeeId), lt(auditLog.at, cutoff)))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    if (!last) return 0;
    await tx.execute(sql`select set_config('shangliang.audit_purge', 'on', true)`);
    const removed = await tx.delete(auditLog).where(and(eq(auditLog.committeeId, committeeId), sql`${auditLog.seq} <= ${last.seq}`)).returning({ seq: auditLog.seq });
    await tx
      .insert(auditCheckpoints)
      .values({ committeeId, seq: last.seq, hash: last.hash, purgedBefore: cutoff })
      .onConflictDoUpdate({ target: auditCheckpoints.committeeId, set: { seq: last.seq, hash: last.hash, purgedBefore: cutoff } });
    return removed.length;
  });
}
