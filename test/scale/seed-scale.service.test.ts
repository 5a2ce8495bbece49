import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openPglite, openPostgres, type Database } from '../../src/server/db/client.js';
import { bootstrapDatabase } from '../../src/server/db/bootstrap.js';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.js';
import { parseScaleArgs } from '../../src/server/demo/scale/plan.js';
import { seedScale, type ScaleReport } from '../../src/server/demo/scale/seed-scale.js';
import { usernameOf } from '../../src/server/demo/scale/organisation.js';
import { planCommittees } from '../../src/server/demo/scale/places.js';
import { proposalStats } from '../../src/server/modules/proposals/stats/report.js';
import { verifyAuditChain } from '../../src/server/platform/audit/audit.js';
import { chinaToday } from '../../src/server/platform/calendar/workdays.js';
import { client } from '../support/app.js';
import { dbKinds, serverDatabase, type DbKind } from '../support/db.js';
import { serverUrl } from '../support/pg-url.js';

/** An empty, migrated database (the scale seed refuses one that holds data). */
async function emptyDatabase(kind: DbKind): Promise<{ database: Database; url?: string; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openPglite();
    await bootstrapDatabase(database);
    return { database, drop: () => database.close() };
  }
  // durable: VACUUM marks a page all-visible only once its rows' commits are flushed (PostgreSQL's
  // rule for asynchronous commits), and a test below asks that of the load
  const url = serverUrl(await serverDatabase(`scale_${randomBytes(5).toString('hex')}`, { empty: true, durable: true }));
  const database = await openPostgres(url, 4);
  await bootstrapDatabase(database);
  // the server's database is dropped at the end of the run (serverDatabase)
  return { database, url, drop: () => database.close() };
}

describe.each(dbKinds)('province-scale dataset at a tiny scale on %s', (kind) => {
  let target: Awaited<ReturnType<typeof emptyDatabase>>;
  let report: ScaleReport;
  let app: FastifyInstance;
  const today = chinaToday();
  const options = parseScaleArgs(['--scale', '0.0005', '--committees', '4', '--members', '60', '--ledger', '8000'], today);
  const q = <T = any>(sql: string, params?: unknown[]) => target.database.query<T>(sql, params);
  const one = async (sql: string, params?: unknown[]) => Number(Object.values((await q(sql, params))[0])[0]);

  beforeAll(async () => {
    target = await emptyDatabase(kind);
    report = await seedScale(target.database, options, target.url);
    const config = loadConfig({ AUDIT_ANCHOR_FILE: path.join(os.tmpdir(), `sl-scale-anchors-${randomUUID()}.jsonl`), DATA_DIR: '/nonexistent', WEB_DIR: '/nonexistent' });
    app = await buildApp({ database: target.database, config });
    await app.ready();
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await target?.drop();
  });

  it('loads the planned committees, members and proposals, every level of the province', async () => {
    expect(options.proposals).toBe(500);
    expect(report.committees.map((c) => c.level)).toEqual(['province', 'city', 'district', 'district']);
    expect(await one('select count(*) from committees')).toBe(4);
    // each committee's parent is the one above it
    expect(await one(`select count(*) from committees c join committees p on p.id = c.parent_id where (c.level = 'city' and p.level = 'province') or (c.level = 'district' and p.level = 'city')`)).toBe(3);
    expect(await one('select count(*) from members')).toBe(60);
    // members and proposals per committee as planned: the province weighs most, districts least
    const planned = planCommittees(4, options);
    const perCommittee = new Map((await q<{ id: string; n: number; p: number }>('select c.id, (select count(*)::int from members m where m.committee_id = c.id) as n, (select count(*)::int from proposals p where p.committee_id = c.id) as p from committees c')).map((r) => [r.id, r]));
    for (const c of report.committees) {
      expect(perCommittee.get(c.id)!.n).toBe(planned[c.index].members);
      expect(perCommittee.get(c.id)!.p).toBeLessThanOrEqual(planned[c.index].proposals);
      expect(perCommittee.get(c.id)!.p).toBeGreaterThan(planned[c.index].proposals * 0.85);
    }
    expect(planned[0].members).toBeGreaterThan(planned[3].members);
    // a few drafts of the newest session may not count against the plan, but nothing is lost or doubled
    expect(await one('select count(*) from proposals')).toBeLessThanOrEqual(500);
    expect(await one('select count(*) from proposals')).toBeGreaterThan(450);
    expect(report.rows.opinions).toBe(await one('select count(*) from opinions'));
    // every member has exactly one account, every unit one, and the accounts follow the naming
    expect(await one('select count(*) from members m where (select count(*) from users u where u.member_id = m.id) <> 1')).toBe(0);
    expect(await one('select count(*) from units n where (select count(*) from users u where u.unit_id = n.id) <> 1')).toBe(0);
    expect(await one('select count(*) from users where username = $1', [usernameOf(1, 'staff')])).toBe(1);
  });

  it('keeps every record inside its committee and every pointer on a record that exists', async () => {
    const orphans: Record<string, string> = {
      assignment: `select count(*) from handling_assignments a left join proposals p on p.id = a.subject_id and p.committee_id = a.committee_id where p.id is null`,
      assignmentUnit: `select count(*) from handling_assignments a left join units u on u.id = a.unit_id and u.committee_id = a.committee_id where u.id is null`,
      reply: `select count(*) from handling_replies r left join proposals p on p.id = r.subject_id and p.committee_id = r.committee_id where p.id is null`,
      rating: `select count(*) from handling_ratings r left join proposals p on p.id = r.subject_id and p.lead_member_id = r.member_id where p.id is null`,
      cosigner: `select count(*) from proposal_cosigners c left join members m on m.id = c.member_id and m.committee_id = c.committee_id where m.id is null`,
      lead: `select count(*) from proposals p left join members m on m.id = p.lead_member_id and m.committee_id = p.committee_id where p.lead_member_id is not null and m.id is null`,
      session: `select count(*) from proposals p left join plenary_sessions s on s.id = p.session_id and s.committee_id = p.committee_id and s.year = p.year where s.id is null`,
      merged: `select count(*) from proposals p left join proposals q on q.id = p.merged_into_id and q.committee_id = p.committee_id where p.status = 'merged' and (q.id is null or q.number is null)`,
      ledgerMember: `select count(*) from ledger_entries l left join members m on m.id = l.member_id and m.committee_id = l.committee_id where m.id is null`,
      ledgerSource: `select count(*) from ledger_entries l where not exists (select 1 from proposals p where p.id = l.source_id union all select 1 from opinions o where o.id = l.source_id union all select 1 from activities a where a.id = l.source_id)`,
      invitee: `select count(*) from activity_invitees i left join activities a on a.id = i.activity_id and a.committee_id = i.committee_id where a.id is null`,
      issueItem: `select count(*) from opinion_issue_items i left join opinions o on o.id = i.opinion_id and o.issue_id = i.issue_id where o.id is null`,
      revision: `select count(*) from opinions o where o.status <> 'draft' and not exists (select 1 from opinion_revisions r where r.opinion_id = o.id and r.number = 1)`,
    };
    for (const [name, sql] of Object.entries(orphans)) expect({ name, n: await one(sql) }).toEqual({ name, n: 0 });
  });

  it('has each proposal in a state its handling records agree with', async () => {
    const wrong: Record<string, string> = {
      filedWithoutNumber: `select count(*) from proposals where status in ('filed','handling','replied','rehandling','closed') and (number is null or number_text is null)`,
      numberedButNotFiled: `select count(*) from proposals where number is not null and status not in ('filed','handling','replied','rehandling','closed')`,
      submittedWithoutSerial: `select count(*) from proposals where status <> 'draft' and (serial is null or submitted_at is null)`,
      handlingWithoutUnits: `select count(*) from proposals p where status in ('handling','rehandling') and not exists (select 1 from handling_assignments a where a.subject_id = p.id and a.round = p.handling_round)`,
      assignedBeforeFiling: `select count(*) from proposals p where status in ('draft','submitted','reviewing','deciding','filed','rejected','converted','merged','returned','withdrawn') and exists (select 1 from handling_assignments a where a.subject_id = p.id)`,
      repliedWithoutReplies: `select count(*) from proposals p join handling_assignments a on a.subject_id = p.id and a.round = p.handling_round and a.role <> 'assisting'
        where p.status in ('replied','closed') and not exists (select 1 from handling_replies r where r.subject_id = p.id and r.unit_id = a.unit_id and r.round = a.round and r.status = 'sent')`,
      repliedWithoutDeadline: `select count(*) from proposals where status = 'replied' and rate_deadline is null`,
      doneWithoutReply: `select count(*) from handling_assignments a where a.status = 'done' and a.role <> 'assisting' and not exists (select 1 from handling_replies r where r.subject_id = a.subject_id and r.unit_id = a.unit_id and r.round = a.round)`,
      secondRoundWithoutUnsatisfied: `select count(*) from proposals p where handling_round = 2 and not exists (select 1 from handling_ratings r where r.subject_id = p.id and r.round = 1 and r.result = 'unsatisfied')`,
      duplicateSerial: `select count(*) from (select committee_id, year, serial from proposals where serial is not null group by 1, 2, 3 having count(*) > 1) x`,
      // nothing happens later than the load (a row stamped ahead reads as written later than it was)
      stampedAhead: `select (select count(*) from proposals where greatest(created_at, updated_at, submitted_at, decided_at) > now())
        + (select count(*) from handling_assignments where updated_at > now()) + (select count(*) from opinions where updated_at > now())
        + (select count(*) from audit_log where at > now())`,
    };
    for (const [name, sql] of Object.entries(wrong)) expect({ name, n: await one(sql) }).toEqual({ name, n: 0 });
    // the states a real year shows are all there
    const states = (await q<{ status: string }>('select distinct status from proposals')).map((r) => r.status);
    for (const s of ['closed', 'rejected', 'converted', 'merged']) expect(states).toContain(s);
    expect(states.some((s) => ['submitted', 'reviewing', 'deciding', 'filed', 'handling', 'replied', 'rehandling'].includes(s))).toBe(true);
  });

  it('keeps the ledger counts as the triggers would, the audit chains intact and the scores stored', async () => {
    const drift = await one(`select count(*) from (
      select committee_id, extract(year from day)::int as year, member_id, kind, part, occasion_id is not null as on_occasion, count(*)::int as n
      from ledger_entries where voided_at is null group by 1, 2, 3, 4, 5, 6
    ) e full join ledger_counts c using (committee_id, year, member_id, kind, part, on_occasion) where e.n is distinct from c.n`);
    expect(drift).toBe(0);
    const entries = await one('select count(*) from ledger_entries');
    expect(entries).toBeGreaterThan(6000);
    expect(entries).toBeLessThan(10000);
    // the load leaves no queue of dirty members: the scores were computed whole
    expect(await one('select count(*) from performance_dirty')).toBe(0);
    expect(await one(`select count(*) from performance_scores where year = $1`, [Number(today.slice(0, 4))])).toBe(60);
    expect(await verifyAuditChain(target.database.db)).toEqual([]);
  });

  it('keeps 提案统计’s summaries through the COPY loads: every session’s page from them is the scan’s', async () => {
    const sessions = await q<{ committee_id: string; id: string }>('select committee_id, id from plenary_sessions order by 1, 2');
    expect(sessions.length).toBeGreaterThan(0);
    let received = 0;
    for (const s of sessions) {
      for (const day of [today, '2000-01-01', '2099-12-31']) {
        const fromSummary = await proposalStats(target.database.db, s.committee_id, s.id, day);
        expect(fromSummary, `${s.id} on ${day}`).toEqual(await proposalStats(target.database.db, s.committee_id, s.id, day, 'scan'));
        if (day === today) received += fromSummary.overall?.received ?? 0;
      }
    }
    expect(received).toBeGreaterThan(100);
  });

  it('leaves the loaded tables vacuumed: their pages are marked all-visible, as index-only scans need', async () => {
    // COPY leaves the visibility map empty and ANALYZE alone does not fill it: only a vacuum does
    for (const table of ['proposals', 'handling_assignments', 'ledger_entries', 'ledger_counts', 'audit_log']) {
      const [row] = await q<{ pages: number; visible: number }>('select relpages as pages, relallvisible as visible from pg_class where oid = $1::regclass', [table]);
      expect({ table, pages: row.pages > 0, visible: row.visible > 0 }).toEqual({ table, pages: true, visible: true });
    }
  });

  it('is usable: a member, the proposal office and a unit of any committee sign in and open lists, details and statistics', async () => {
    const login = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD }, remoteAddress: `198.18.9.${username.length}` });
      expect(res.statusCode, res.body).toBe(200);
      return client(app, String(res.headers['set-cookie']).split(';')[0], res.json().csrfToken);
    };
    for (const c of report.committees) {
      const staff = await login(usernameOf(c.index, 'staff'));
      const list = await staff.get('/api/proposals?pageSize=20');
      expect(list.status).toBe(200);
      expect(list.body.total).toBeGreaterThan(0);
      const detail = await staff.get(`/api/proposals/${list.body.items[0].id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.history.length).toBeGreaterThan(0);
      const stats = await staff.get('/api/proposals/stats');
      expect(stats.status).toBe(200);
      const member = await login(usernameOf(c.index, 'm00002'));
      expect((await member.get('/api/proposals?scope=mine')).status).toBe(200);
      expect((await member.get('/api/performance/me')).status).toBe(200);
      const unit = await login(usernameOf(c.index, 'u01'));
      expect((await unit.get('/api/proposals?scope=unit')).status).toBe(200);
    }
  });
});
