import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok, sampleDraft } from '../support/proposals.js';

/**
 * The proposal page's answer (GET /api/proposals/:id, and the same answer every proposal write gives)
 * for every demo proposal of the current session and a few of history, read by the author, the other
 * members (co-signers among them), the office, units and the chair — compared with answers recorded
 * from the page's reads before they were folded into one statement (detail.snapshot.json).
 *
 * The demo is seeded afresh each run (new ids, timestamps relative to the seeding), so an answer is
 * compared in a normal form: ids of people, units, users and proposals become their names, other ids
 * `<id>`, instants and dates their format, long texts their digest; lists whose order the page does
 * not define are sorted.
 */
/** recorded once, on both databases alike, by the page's former reads (the demo seeds the same records on each) */
const snapshotFile = new URL('./detail.snapshot.json', import.meta.url);
const readers = ['member', 'member2', 'member3', 'staff', 'unit', 'unit2', 'leader', 'info'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** lists in a defined order: the history by sequence, co-signers by position, actions and texts as the code lists them */
const ordered = new Set(['history', 'cosigners', 'actions', 'keyTexts']);

/**
 * Statements of a read of the page (a closed proposal with its replies) and of a new draft, at most — 22
 * and 26 on PGlite before the page's lists were read in one statement, 10 before a write took the
 * catalogs, settings and sessions from the cache too (reading the generations again after its own
 * transaction), and the read 3 before the row and the lists were one statement. PostgreSQL counts the
 * draft's BEGIN and COMMIT too.
 */
const READ_STATEMENTS = 2;
const DRAFT_STATEMENTS = { pglite: 6, postgres: 8 };

type Names = Map<string, string>;

function normalise(value: unknown, names: Names, key = ''): unknown {
  if (typeof value === 'string') {
    if (UUID.test(value)) return names.get(value) ?? '<id>';
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) return '<instant>';
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return '<date>';
    // history notes and key texts may quote dates inside a sentence; long texts are kept as their digest
    const text = value.replace(/\d{4}-\d{2}-\d{2}/g, '<date>');
    return text.length > 40 ? `<text ${createHash('sha1').update(text).digest('hex').slice(0, 12)}>` : text;
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => normalise(v, names));
    return ordered.has(key) ? items : items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, names, k)]));
  return value;
}

async function namesOf(t: TestApp): Promise<Names> {
  const rows = await t.database.query<{ id: string; name: string }>(`
    select id, 'member:' || name as name from members
    union all select id, 'unit:' || name from units
    union all select id, 'user:' || username from users
    union all select id, 'proposal:' || title || ':' || coalesce(number_text, '') || ':' || status from proposals
    union all select id, 'committee:' || name from committees`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The demo proposals the snapshot covers: the current session's, every state, and the first of history. */
async function demoProposals(t: TestApp) {
  return t.database.query<{ id: string; label: string }>(`
    (select id, title || ':' || coalesce(number_text, '') || ':' || status as label from proposals
      where committee_id = (select id from committees where short_name = '龙岗区政协' or name like '%龙岗%' order by name limit 1) and not historical)
    union all
    (select id, title || ':' || coalesce(number_text, '') || ':' || status from proposals where historical order by serial, title limit 3)
    order by label`);
}

/** The recorded answers: one a line; a reader's answer equal to an earlier reader's of the same proposal is written `= <reader>`. */
function recorded(): Record<string, unknown> {
  const file = JSON.parse(readFileSync(snapshotFile, 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(file).map(([k, v]) => [k, typeof v === 'string' && v.startsWith('= ') ? file[`${k.split(' · ')[0]} · ${v.slice(2)}`] : v]));
}

describe.each(dbKinds)('the proposal page on %s', (kind) => {
  let t: TestApp;
  let names: Names;
  const clients: Record<string, Client> = {};
  beforeAll(async () => {
    t = await startTestApp(kind);
    names = await namesOf(t);
    for (const who of readers) clients[who] = await t.as(who);
  });
  afterAll(() => t.close());

  it('answers every reader of every demo proposal as it did before', async () => {
    const answers: Record<string, unknown> = {};
    const proposals = await demoProposals(t);
    expect(proposals.length).toBeGreaterThan(30);
    for (const p of proposals) {
      for (const who of readers) {
        const res = await clients[who].get(`/api/proposals/${p.id}`);
        answers[`${p.label} · ${who}`] = res.status === 200 ? normalise(res.body, names) : res.status;
      }
    }
    expect(existsSync(snapshotFile)).toBe(true);
    const expected = recorded();
    expect(Object.keys(answers).sort()).toEqual(Object.keys(expected).sort());
    for (const k of Object.keys(expected)) expect(answers[k], k).toEqual(expected[k]);
  });

  it('reads the page in a few statements, and a draft costs few more', async () => {
    // the statements the server sends for one request, as /metrics counts them (the session lookup too)
    const statements = async (request: () => Promise<unknown>) => {
      let n = 0;
      const stop = t.database.observeQueries!(() => n++);
      try {
        await request();
      } finally {
        stop();
      }
      return n;
    };
    const [closed] = await t.database.query<{ id: string }>(`select p.id from proposals p where p.status = 'closed' and not p.historical
      and exists (select 1 from handling_replies r where r.subject_id = p.id) order by p.serial limit 1`);
    const read = await statements(() => ok(clients.staff.get(`/api/proposals/${closed.id}`)));
    const draft = await statements(() => ok(clients.member.post('/api/proposals', { ...sampleDraft, title: '关于推进老旧小区加装电梯的建议' })));
    console.info(`[detail statements] ${kind}: GET /api/proposals/:id ${read}, POST /api/proposals ${draft}`);
    expect(read).toBeLessThanOrEqual(READ_STATEMENTS);
    expect(draft).toBeLessThanOrEqual(DRAFT_STATEMENTS[kind]);
  });

  it('a write answers the same page as the read that follows it', async () => {
    const member = clients.member;
    const draft = await ok(member.post('/api/proposals', { ...sampleDraft, title: '关于完善社区养老服务站点布局的建议' }));
    expect(draft).toEqual(await ok(member.get(`/api/proposals/${draft.id}`)));
    const edited = await ok(member.patch(`/api/proposals/${draft.id}`, { version: draft.version, analysis: '站点布局不均衡，专业护理人员短缺。' }));
    expect(edited.version).toBe(draft.version + 1);
    expect(edited).toEqual(await ok(member.get(`/api/proposals/${draft.id}`)));
    const submitted = await ok(member.post(`/api/proposals/${draft.id}/actions/submit`, { version: edited.version }));
    expect(submitted.status).toBe('submitted');
    expect(submitted).toEqual(await ok(member.get(`/api/proposals/${draft.id}`)));
  });
});
