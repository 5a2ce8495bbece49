import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { count } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { auditHash } from '../../platform/audit/audit.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { loadCalendar } from '../../platform/calendar/store.js';
import { committees } from '../../platform/tenancy/schema.js';
import { refreshScores } from '../../modules/performance/recompute.js';
import { rng } from '../people.js';
import { DEMO_PASSWORD } from '../seed.js';
import { BulkWriter, json, pgliteSink, serverSink, type CopySink } from './bulk.js';
import { writeMeetings } from './meetings.js';
import { writeOpinions } from './opinions.js';
import { writeOrganisation, type CommitteeContext } from './organisation.js';
import type { ScaleOptions } from './plan.js';
import { planCommittees } from './places.js';
import { writeProposals } from './proposals.js';
import { RealTexts } from './texts.js';

const GENESIS = '0'.repeat(64);
const auditColumns = ['committee_id', 'actor_id', 'actor_name', 'action', 'subject_type', 'subject_id', 'before', 'after', 'note', 'at', 'prev_hash', 'hash'];

export interface ScaleReport {
  committees: { id: string; index: number; shortName: string; level: string }[];
  rows: Record<string, number>;
  seconds: { load: number; scores: number };
}

/** The tables whose writes keep 提案统计's summaries (migration 0064's triggers). */
const proposalStatsTables = ['proposals', 'proposal_cosigners', 'handling_assignments', 'handling_replies', 'handling_ratings'];

/**
 * Loads a province-scale dataset (plan.ts) into an empty database in one transaction, by COPY on
 * both databases: the organisation of every committee, five years of proposals with their
 * handling, opinion reports, meetings with attendance and the ledger they earn, and each
 * committee's audit chain over those acts. Then computes today's year's stored performance scores
 * through the app's own full refresh. All accounts have the demo password.
 *
 * `url` is the PostgreSQL server's address (the load runs on a connection of its own).
 */
export async function seedScale(database: Database, o: ScaleOptions, url?: string, log: (line: string) => void = () => {}): Promise<ScaleReport> {
  const [{ n }] = await database.db.select({ n: count() }).from(committees);
  if (n > 0) throw new Error('数据库非空：规模数据只能载入空库');
  const texts = new RealTexts();
  const calendar = await loadCalendar(database.db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const plan = planCommittees(o.committees, o);
  const ids = plan.map(() => randomUUID());
  const years = Array.from({ length: o.years }, (_, i) => Number(o.today.slice(0, 4)) - o.years + 1 + i);
  const t0 = performance.now();

  let client: pg.Client | null = null;
  let sink: CopySink;
  if (database.kind === 'postgres') {
    if (!url) throw new Error('seedScale on PostgreSQL needs the server address');
    client = new pg.Client({ connectionString: url });
    await client.connect();
    sink = serverSink(client);
  } else sink = pgliteSink(database.pglite!);
  const w = new BulkWriter(sink);
  try {
    await sink.query('begin');
    // the incremental-score queue is for live writes; the scores are computed whole after the load
    await sink.query('alter table ledger_entries disable trigger ledger_entries_dirty_insert');
    // 提案统计's summaries (migration 0064) are computed whole at the end, as one set-based pass,
    // instead of re-deriving each chunk's proposals at each COPY
    for (const table of proposalStatsTables) await sink.query(`alter table ${table} disable trigger proposal_stats_insert`);
    const members = plan.reduce((a, c) => a + c.members, 0);
    for (const c of plan) {
      const r = rng(o.seed * 1000 + c.index);
      const ctx = await writeOrganisation(w, c, ids, years, r, passwordHash);
      const before = w.counts.get('ledger_entries') ?? 0;
      await writeProposals(w, ctx, texts, calendar, r, o.today);
      await writeOpinions(w, ctx, texts, r, o.today);
      const earned = (w.counts.get('ledger_entries') ?? 0) - before;
      await writeMeetings(w, ctx, texts, r, o.today, Math.max(0, Math.round((o.ledger * c.members) / members) - earned));
      await writeAuditChain(w, ctx);
      if (c.index % 10 === 9 || c.index === plan.length - 1) log(`${c.index + 1}/${plan.length} 个委员会，${Math.round((performance.now() - t0) / 1000)} 秒：${[...w.counts].map(([t, k]) => `${t} ${k}`).join('，')}`);
    }
    await w.flush();
    await sink.query('alter table ledger_entries enable trigger ledger_entries_dirty_insert');
    // statistics first: the tables were empty when planned, and the rebuild joins them
    await sink.query(`analyze ${proposalStatsTables.join(', ')}`);
    await sink.query('select shangliang_rebuild_proposal_stats()');
    for (const table of proposalStatsTables) await sink.query(`alter table ${table} enable trigger proposal_stats_insert`);
    await sink.query('commit');
  } catch (err) {
    await sink.query('rollback').catch(() => {});
    throw err;
  } finally {
    await client?.end();
  }
  // VACUUM as well as ANALYZE: rows just copied in are not marked all-visible, and until a vacuum
  // sets the visibility map every index-only scan (the covering partial index of migration 0050 on
  // proposals, for one) still visits the heap for each row. The whole database, not a list: it was
  // empty, so it holds only what the load copied and what its triggers wrote (ledger_counts).
  await database.query('vacuum analyze');
  const load = (performance.now() - t0) / 1000;
  log(`载入完成：${Math.round(load)} 秒`);
  const t1 = performance.now();
  if (o.scores) for (const id of ids) await refreshScores(database.db, id, years.at(-1)!, { full: true, now: new Date() });
  return {
    committees: plan.map((c, i) => ({ id: ids[i], index: c.index, shortName: c.shortName, level: c.level })),
    rows: Object.fromEntries(w.counts),
    seconds: { load, scores: (performance.now() - t1) / 1000 },
  };
}

/** The committee's acts as its audit chain: sorted by time, hashed each on the one before, closed by the load's own row. */
async function writeAuditChain(w: BulkWriter, ctx: CommitteeContext) {
  const events = ctx.audit.sort((a, b) => a.at.getTime() - b.at.getTime());
  events.push({ at: new Date(), actorId: null, actorName: '系统', action: 'scale.seed', subjectType: 'committee', subjectId: ctx.id, before: null, after: { members: ctx.members.length }, note: '载入规模测试数据' });
  let prev = GENESIS;
  for (const e of events) {
    const at = e.at.toISOString();
    const hash = auditHash(prev, { committeeId: ctx.id, actorId: e.actorId, action: e.action, subjectType: e.subjectType, subjectId: e.subjectId, before: e.before, after: e.after, note: e.note, at });
    await w.add('audit_log', auditColumns, [ctx.id, e.actorId, e.actorName, e.action, e.subjectType, e.subjectId, json(e.before), json(e.after), e.note, at, prev, hash]);
    prev = hash;
  }
  ctx.audit.length = 0;
}
