import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/raw.js';
import type { AuditBreak } from './audit.js';

/**
 * External anchors of the audit chains. The hash chain shows an edited or removed row, but not a
 * cut-off tail: whoever can bypass the database's guards could delete the newest rows and the
 * rest would still verify. So the head of every committee's chain (last seq and hash) is appended
 * now and then to a file outside the database — best on another host or write-once storage
 * (AUDIT_ANCHOR_FILE) — and `verify-audit` checks that each anchored head is still in the chain.
 * With AUDIT_ANCHOR_KEY set, every line carries an HMAC, so the file cannot be rewritten to match.
 */
export interface Anchor {
  at: string;
  committeeId: string;
  seq: number;
  hash: string;
  mac?: string;
}

export interface AnchorOptions {
  file: string;
  key?: string;
}

const macOf = (a: Omit<Anchor, 'mac'>, key: string) => createHmac('sha256', key).update(JSON.stringify([a.at, a.committeeId, a.seq, a.hash])).digest('hex');

/** The head of every committee's chain now. */
async function heads(db: Executor): Promise<{ committeeId: string; seq: number; hash: string }[]> {
  const res = await db.execute(sql`select distinct on (committee_id) committee_id as "committeeId", seq::int8 as seq, hash from audit_log order by committee_id, seq desc`);
  return rowsOf<{ committeeId: string; seq: string | number; hash: string }>(res).map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** The latest anchor of each committee in the file, and the lines that are not valid anchors. */
export function readAnchors(o: AnchorOptions): { latest: Map<string, Anchor>; bad: number[] } {
  const latest = new Map<string, Anchor>();
  const bad: number[] = [];
  if (!existsSync(o.file)) return { latest, bad };
  readFileSync(o.file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let a: Anchor;
    try {
      a = JSON.parse(line);
    } catch {
      return void bad.push(i + 1);
    }
    const shaped = typeof a?.committeeId === 'string' && Number.isSafeInteger(a.seq) && typeof a.hash === 'string' && typeof a.at === 'string';
    const signed = !o.key || (typeof a.mac === 'string' && a.mac.length === 64 && timingSafeEqual(Buffer.from(a.mac), Buffer.from(macOf(a, o.key))));
    if (!shaped || !signed) return void bad.push(i + 1);
    if ((latest.get(a.committeeId)?.seq ?? -1) < a.seq) latest.set(a.committeeId, a);
  });
  return { latest, bad };
}

/** Appends the heads that moved since their last anchor; returns how many were written. */
export async function anchorAudit(db: Executor, o: AnchorOptions, now = new Date()): Promise<number> {
  const { latest } = readAnchors(o);
  const moved = (await heads(db)).filter((h) => latest.get(h.committeeId)?.seq !== h.seq);
  if (moved.length === 0) return 0;
  mkdirSync(path.dirname(o.file), { recursive: true });
  const lines = moved.map((h) => {
    const a = { at: now.toISOString(), committeeId: h.committeeId, seq: h.seq, hash: h.hash };
    return JSON.stringify(o.key ? { ...a, mac: macOf(a, o.key) } : a);
  });
  appendFileSync(o.file, lines.join('\n') + '\n');
  return moved.length;
}

/**
 * Each committee's latest anchored head must still be in its chain with the same hash — unless the
 * retention job purged it (then the chain's checkpoint is at or past it).
 */
export async function checkAnchors(db: Executor, o: AnchorOptions): Promise<AuditBreak[]> {
  const { latest, bad } = readAnchors(o);
  const broken: AuditBreak[] = bad.map((line) => ({ committeeId: '', seq: 0, reason: `审计锚点文件第 ${line} 行无效或签名不符（锚点文件被改动）` }));
  for (const a of latest.values()) {
    const res = await db.execute(sql`
      select (select hash from audit_log where committee_id = ${a.committeeId} and seq = ${a.seq}) as hash,
             (select max(seq)::int8 from audit_log where committee_id = ${a.committeeId}) as last,
             (select seq::int8 from audit_checkpoints where committee_id = ${a.committeeId}) as purged`);
    const [r] = rowsOf<{ hash: string | null; last: string | null; purged: string | null }>(res);
    if (r.hash === a.hash) continue;
    if (r.hash === null && r.purged !== null && Number(r.purged) >= a.seq) continue;
    const reason = r.hash === null
      ? `尾部记录被删除：外部锚点记到第 ${a.seq} 条（${a.at}），日志现只到第 ${r.last ?? 0} 条`
      : `第 ${a.seq} 条记录与外部锚点不符（记录被替换）`;
    broken.push({ committeeId: a.committeeId, seq: a.seq, reason });
  }
  return broken;
}
