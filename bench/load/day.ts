import type autocannon from 'autocannon';
import pg from 'pg';

/**
 * A user's day on the province dataset, as requests for autocannon: the proposal office's staff and
 * a member list and filter proposals, open one, the member looks for similar proposals while
 * writing, staff read a session's statistics, the member reads their performance record, submits a
 * proposal (draft, then submit) and a unit replies to a proposal assigned to it. Every id is a real
 * one picked from the seeded data before the run.
 */
export interface DayFixtures {
  committeeId: string;
  staff: string;
  /** the member who reads (lists, similar, their record) */
  member: string;
  /** the member who submits: another one, so the reader's lists and record stay the seeded ones when a kept dataset is reused (LOAD_KEEP) */
  writer: string;
  sessionId: string;
  category: string;
  /** a word of the committee's titles, for the keyword filter */
  word: string;
  /** proposals of the committee that staff open */
  detailIds: string[];
  /** titles and bodies a member writes from (the similar query while drafting) */
  drafts: { title: string; body: string }[];
  /** a unit account and a proposal it handles (signed, replying role, open), one pair in flight at a time */
  replies: { username: string; proposalId: string }[];
}

/** Unit accounts the day logs in as (with staff, the member and the scale-out check: under login's 20 a minute). */
const UNIT_ACCOUNTS = 10;

/** Picks the fixtures from the seeded database: committee s001 (a city), its office, its second member, its units. */
export async function pickFixtures(url: string): Promise<DayFixtures> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => {
      const { rows } = await c.query(sql, params);
      if (!rows.length) throw new Error(`the seeded data has no answer to: ${sql}`);
      return rows[0] as T;
    };
    const { committee_id: committeeId } = await one<{ committee_id: string }>(`select committee_id from users where username = 's001_staff'`);
    // the session with the most proposals of the last year the committee has any
    const { session_id: sessionId } = await one<{ session_id: string }>(
      `select p.session_id from proposals p join plenary_sessions s on s.id = p.session_id where p.committee_id = $1
       group by p.session_id, s.start_date order by s.start_date desc limit 1`, [committeeId]);
    const { category } = await one<{ category: string }>(`select category from proposals where committee_id = $1 group by 1 order by count(*) desc limit 1`, [committeeId]);
    const sample = (await c.query(
      `select id, title, background from proposals where committee_id = $1 and status not in ('draft', 'withdrawn') order by md5(id::text) limit 200`, [committeeId])).rows as { id: string; title: string; background: string }[];
    if (sample.length < 10) throw new Error('the seeded committee s001 has fewer than 10 proposals: LOAD_SCALE too small');
    // a two-character word of a title (関于…的建议 stripped), for 关键词
    const word = sample.map((s) => s.title.replace(/^关于/, '').slice(0, 2)).find((w) => /^[\u4e00-\u9fff]{2}$/.test(w)) ?? '建议';
    const replies = (await c.query(
      `select u.username, a.subject_id as proposal_id
       from handling_assignments a
       join proposals p on p.id = a.subject_id and p.handling_round = a.round and p.status in ('handling', 'rehandling')
       join users u on u.unit_id = a.unit_id and u.active
       where a.subject_type = 'proposal' and a.status = 'signed' and a.role in ('sole', 'lead', 'split')
       order by md5(a.id::text)`)).rows as { username: string; proposal_id: string }[];
    // login answers 20 a minute to one address: the units with the most pairs, at most UNIT_ACCOUNTS of them
    const perUnit = new Map<string, number>();
    for (const r of replies) perUnit.set(r.username, (perUnit.get(r.username) ?? 0) + 1);
    const chosen = new Set([...perUnit].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, UNIT_ACCOUNTS).map(([u]) => u));
    return {
      committeeId,
      staff: 's001_staff',
      member: 's001_m00003',
      writer: 's001_m00002',
      sessionId,
      category,
      word,
      detailIds: sample.slice(0, 50).map((s) => s.id),
      drafts: sample.slice(50, 100).map((s) => ({ title: s.title, body: s.background })),
      replies: replies.filter((r) => chosen.has(r.username)).slice(0, 400).map((r) => ({ username: r.username, proposalId: r.proposal_id })),
    };
  } finally {
    await c.end();
  }
}

export type Headers = Record<string, string>;

/** Logs in and returns the headers a browser would send (session cookie, CSRF token). */
export async function loginHeaders(base: string, username: string, password = 'Demo@2026'): Promise<Headers> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

/**
 * A GET's headers made from a POST's: autocannon writes the Content-Length of the body it sends into
 * the very headers object it was given, and a GET that kept it left the server waiting for a body that
 * never came — each such request hung until its timeout (the soak's timeouts once the reply pairs ran out).
 */
const withoutBodyHeaders = (h: object) => Object.fromEntries(Object.entries(h).filter(([k]) => !/^content-(length|type)$/i.test(k)));

/** One route of the day: its name in the report and the requests one visit makes (a submission is two). */
export interface DayRoute {
  name: string;
  requests: autocannon.Request[];
}

export interface DayCounters {
  submitted: number;
  replied: number;
  /** a unit reply that found every pair in flight and read the unit's worklist instead */
  repliesSkipped: number;
}

/**
 * The routes of the day, each with the headers of who makes it. Rotates through the fixtures so no
 * one row is read hot; a unit reply takes a pair no other connection holds (two saves of one reply
 * at once would be a version conflict, as two people editing one draft are), and returns it on the answer.
 */
export async function dayRoutes(base: string, f: DayFixtures, counters: DayCounters): Promise<DayRoute[]> {
  const staff = await loginHeaders(base, f.staff);
  const member = await loginHeaders(base, f.member);
  const writer = await loginHeaders(base, f.writer);
  const units = new Map<string, Headers>();
  for (const r of f.replies) if (!units.has(r.username)) units.set(r.username, await loginHeaders(base, r.username));
  let i = 0;
  const next = <T>(xs: T[]) => xs[i++ % xs.length];
  const free = [...f.replies];
  let n = 0;
  const q = (o: Record<string, string>) => new URLSearchParams(o).toString();
  const draft = () => {
    const d = next(f.drafts);
    n++;
    return { title: `关于${d.title.replace(/^关于/, '').slice(0, 40)}（压力测试${n}）`, background: d.body || '情况说明', analysis: '问题分析。', suggestions: '具体建议。', category: f.category, authorType: 'individual' };
  };
  const reply = {
    type: 'proposal', answerClass: 'A', body: '我单位高度重视该提案，已会同有关部门认真研究并逐项落实所提建议。', contactPerson: '办理联系人', contactPhone: '020-12345678', disclose: true,
  };
  const firstUnit = units.values().next().value;
  return [
    { name: 'GET /api/proposals (staff, first page)', requests: [{ method: 'GET', path: '/api/proposals?pageSize=20', headers: staff }] },
    { name: 'GET /api/proposals (staff, filtered: session, category, keyword)', requests: [{ method: 'GET', path: `/api/proposals?${q({ session: f.sessionId, category: f.category, q: f.word, pageSize: '20' })}`, headers: staff }] },
    { name: 'GET /api/proposals (member, mine)', requests: [{ method: 'GET', path: '/api/proposals?scope=mine&pageSize=20', headers: member }] },
    { name: 'GET /api/proposals (member, filtered by category)', requests: [{ method: 'GET', path: `/api/proposals?${q({ category: f.category, pageSize: '20' })}`, headers: member }] },
    { name: 'GET /api/proposals/:id (staff)', requests: [{ method: 'GET', path: `/api/proposals/${f.detailIds[0]}`, headers: staff, setupRequest: (req) => ({ ...req, path: `/api/proposals/${next(f.detailIds)}` }) }] },
    {
      name: 'GET /api/proposals/similar (member drafting)',
      requests: [{ method: 'GET', path: '/api/proposals/similar', headers: member, setupRequest: (req) => {
        const d = next(f.drafts);
        return { ...req, path: `/api/proposals/similar?${q({ title: d.title, text: d.body.slice(0, 400) || d.title, limit: '8' })}` };
      } }],
    },
    { name: 'GET /api/proposals/stats (staff, a session)', requests: [{ method: 'GET', path: `/api/proposals/stats?sessionId=${f.sessionId}`, headers: staff }] },
    { name: 'GET /api/performance/me (member)', requests: [{ method: 'GET', path: '/api/performance/me', headers: member }] },
    {
      name: 'submit: POST /api/proposals + POST …/actions/submit (another member)',
      requests: [
        {
          method: 'POST', path: '/api/proposals', headers: writer,
          setupRequest: (req) => ({ ...req, body: JSON.stringify(draft()) }),
          onResponse: (status, body, context) => {
            if (status === 200) Object.assign(context, JSON.parse(body) as { id: string; version: number });
          },
        },
        {
          method: 'POST', path: '/api/proposals', headers: writer,
          setupRequest: (req, context) => {
            const { id, version } = context as { id?: string; version?: number };
            return id ? { ...req, path: `/api/proposals/${id}/actions/submit`, body: JSON.stringify({ version }) } : (undefined as any);
          },
          onResponse: (status) => {
            if (status === 200) counters.submitted++;
          },
        },
      ],
    },
    {
      name: 'POST /api/handling/replies (unit)',
      requests: [{
        method: 'POST', path: '/api/handling/replies', headers: firstUnit,
        setupRequest: (req, context) => {
          const pair = free.shift();
          (context as { pair?: unknown }).pair = pair;
          if (!pair) {
            counters.repliesSkipped++;
            return { ...req, method: 'GET', path: '/api/handling/worklist', body: undefined, headers: withoutBodyHeaders(req.headers ?? {}) };
          }
          return { ...req, headers: units.get(pair.username)!, body: JSON.stringify({ ...reply, subjectId: pair.proposalId }) };
        },
        onResponse: (status, _body, context) => {
          const { pair } = context as { pair?: (typeof free)[number] };
          if (!pair) return;
          free.push(pair);
          (context as { pair?: unknown }).pair = undefined;
          if (status === 200) counters.replied++;
        },
      }],
    },
  ];
}

/**
 * One visit of a route as one user makes it — its requests in turn, with the same setup and answer
 * handling autocannon applies — and its time in milliseconds: what a person waits for the page.
 */
export async function visitOnce(base: string, route: DayRoute): Promise<number> {
  const context: Record<string, unknown> = {};
  const t0 = performance.now();
  for (const template of route.requests) {
    const setup = template.setupRequest as ((req: autocannon.Request, context: object) => autocannon.Request | undefined) | undefined;
    const req = setup ? setup({ ...template }, context) : template;
    if (!req) continue;
    const res = await fetch(base + req.path, { method: req.method, headers: req.headers as Headers, body: req.body as string | undefined });
    const body = await res.text();
    if (!res.ok) throw new Error(`${route.name}: ${res.status} ${body.slice(0, 200)}`);
    (template.onResponse as ((status: number, body: string, context: object) => void) | undefined)?.(res.status, body, context);
  }
  return performance.now() - t0;
}
