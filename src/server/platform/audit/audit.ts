import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { auditCheckpoints, auditLog } from './schema.js';
import { checkAnchors, type AnchorOptions } from './anchor.js';
import { redact, redactText } from '../secrets.js';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
  note?: string;
}

const GENESIS = '0'.repeat(64);

/** The hash of one audit row over its content and the previous row's hash. */
export function auditHash(prevHash: string, row: { committeeId: string; actorId: string | null; action: string; subjectType: string; subjectId: string; before: unknown; after: unknown; note: string | null; at: string }): string {
  const canonical = JSON.stringify([prevHash, row.committeeId, row.actorId, row.action, row.subjectType, row.subjectId, stable(row.before), stable(row.after), row.note, row.at]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** JSON with sorted keys, so the same object always hashes the same after a jsonb round trip. */
function stable(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(stable);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(Object.keys(value as object).sort().map((k) => [k, stable((value as any)[k])]));
  }
  return value;
}

/** Drops undefined and turns Dates into ISO strings: what jsonb will give back. */
const toJson = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/** One audit row as shangliang_audit_append takes it: its content serialised, the chain's ends left to the database. */
interface AppendRow {
  committeeId: string;
  actorId: string | null;
  actorName: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  note: string | null;
  canonical: string;
}

/** The rows a transaction has audited but not sent yet (deferAuditRows): sent by flushAuditRows just before it commits. */
const pendingRows = new WeakMap<object, AppendRow[]>();

/**
 * Writes an audit row inside the caller's transaction, chained to its committee's last row. The
 * row's content is serialised here and sent without a lock (`shangliang_audit_append`); the chain's
 * critical section — the committee's lock (held to commit, so concurrent writers cannot fork the
 * chain), the read of the last hash, the time stamp and the insert into audit_log — runs in a
 * deferred trigger as the transaction commits (migration 0060), so the lock waits on no round trip
 * to this process. The hash it stores is `auditHash()`'s, which the verifier recomputes. The row is
 * in audit_log once the transaction has committed, not before.
 *
 * In a command's transaction (inTransaction, jobs/after-commit.ts) the row is kept and sent with the
 * transaction's other rows as one statement before the commit (flushAuditRows): one round trip for
 * all of them.
 */
export async function audit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  // secrets (password hashes, tokens, session ids) never enter the trail, whichever table the row is of
  const before = toJson(redact(entry.before));
  const after = toJson(redact(entry.after));
  const note = entry.note === undefined || entry.note === null ? null : redactText(entry.note);
  // auditHash()'s array without its two ends (the previous hash and the time), which the database adds under the lock
  const canonical = JSON.stringify([actor.committeeId, actor.userId, entry.action, entry.subjectType, entry.subjectId, stable(before), stable(after), note]).slice(1, -1);
  const row: AppendRow = { committeeId: actor.committeeId, actorId: actor.userId, actorName: actor.name, action: entry.action, subjectType: entry.subjectType, subjectId: entry.subjectId, before, after, note, canonical };
  const pending = pendingRows.get(tx);
  if (pending) pending.push(row);
  else await appendRows(tx, [row]);
}

/** Keeps the audit rows of this transaction until flushAuditRows (called by inTransaction as it opens). */
export function deferAuditRows(tx: Executor) {
  pendingRows.set(tx, []);
}

/** Sends the rows kept for this transaction, in the order they were audited, as one statement (inTransaction, before the commit). */
export async function flushAuditRows(tx: Executor) {
  const rows = pendingRows.get(tx);
  pendingRows.delete(tx);
  if (rows?.length) await appendRows(tx, rows);
}

async function appendRows(tx: Executor, rows: AppendRow[]) {
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  if (rows.length > 1) {
    await tx.execute(sql`select shangliang_audit_append_all(${JSON.stringify(rows)}::jsonb)`);
    return;
  }
  const [r] = rows;
  await tx.execute(
    sql`select shangliang_audit_append(${r.committeeId}::uuid, ${r.actorId}::uuid, ${r.actorName}, ${r.action}, ${r.subjectType}, ${r.subjectId}, ${json(r.before)}::jsonb, ${json(r.after)}::jsonb, ${r.note}, ${r.canonical})`,
  );
}

export interface AuditBreak {
  committeeId: string;
  seq: number;
  reason: string;
}

/**
 * Re-computes every chain; returns the first broken row per committee (empty when intact). With
 * anchors (anchor.ts), a chain cut short after its last anchor is reported too.
 */
export async function verifyAuditChain(db: Executor, anchors?: AnchorOptions): Promise<AuditBreak[]> {
  const rows = await db.select().from(auditLog).orderBy(auditLog.committeeId, auditLog.seq);
  const broken: AuditBreak[] = [];
  // a chain whose oldest rows were purged by the retention job resumes at its checkpoint
  const checkpoints = await db.select().from(auditCheckpoints);
  const lastHash = new Map<string, string>(checkpoints.map((c) => [c.committeeId, c.hash]));
  const reported = new Set<string>();
  for (const r of rows) {
    if (reported.has(r.committeeId)) continue;
    const prev = lastHash.get(r.committeeId) ?? GENESIS;
    const expect = auditHash(prev, { ...r, at: r.at.toISOString() });
    if (r.prevHash !== prev) {
      broken.push({ committeeId: r.committeeId, seq: r.seq, reason: '与前一条记录的链接断开（记录被删除或插入）' });
      reported.add(r.committeeId);
    } else if (r.hash !== expect) {
      broken.push({ committeeId: r.committeeId, seq: r.seq, reason: '记录内容与哈希不符（记录被篡改）' });
      reported.add(r.committeeId);
    }
    lastHash.set(r.committeeId, r.hash);
  }
  return anchors ? [...broken, ...(await checkAnchors(db, anchors))] : broken;
}

/**
 * Writes the entry into the actor's chain and into the chain of every other committee the change
 * concerns (a city adopting or instructing on a district's report, a district sending one up): a
 * change across committees is in both chains, so neither committee's auditor misses it and
 * neither can hide it alone. The actor is named in each row as it is.
 *
 * @example await auditAcross(tx, actor, [o.committeeId], { action: 'opinion.adoptIncoming', subjectType: 'opinion', subjectId: o.id });
 */
export async function auditAcross(tx: Executor, actor: Actor, committeeIds: readonly (string | null | undefined)[], entry: AuditEntry): Promise<void> {
  await audit(tx, actor, entry);
  for (const committeeId of new Set(committeeIds.filter((c): c is string => !!c && c !== actor.committeeId))) await audit(tx, { ...actor, committeeId }, entry);
}
