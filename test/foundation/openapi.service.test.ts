import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { undeclaredFields } from '../support/zod-undeclared.js';
import { answerSchema } from '../../src/server/platform/http/answers.js';

/**
 * The API document as an outside client reads it (GET /api/docs/json): linted by Redocly's
 * recommended rules, with an operation id, the authentication and the error answers on every
 * operation, and the success answer's schema — which the real answers of the demo data must fit.
 */
describe('the API contract', () => {
  let t: TestApp;
  let doc: any;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    const res = await t.anonymous.get('/api/docs/json');
    doc = res.body;
    if (res.status !== 200) throw new Error(`/api/docs/json: ${res.status} ${res.raw.slice(0, 500)}`);
  }, 120_000);
  afterAll(() => t?.close());

  it('passes the OpenAPI linter’s recommended rules with no error', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: '/api/docs/json', config });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} @ ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
  });

  it('names every operation uniquely, says how to authenticate, and describes the error answer', () => {
    const ids = new Set<string>();
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z]+[A-Za-z0-9]*$/);
        expect(ids.has(op.operationId), op.operationId).toBe(false);
        ids.add(op.operationId);
        expect(op.responses['400'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
        const isPublic = op.security.length === 0;
        if (!isPublic) expect(op.security[0]).toEqual(method === 'get' ? { session: [] } : { session: [], csrf: [] });
        if (!isPublic) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
      }
    }
    expect(doc.paths['/api/proposals'].post.security).toEqual([{ session: [], csrf: [] }]);
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'sl_session' });
    expect(doc.components.schemas.Error.required).toEqual(['code', 'message']);
  });

  const operations = () =>
    Object.entries<any>(doc.paths).flatMap(([path, item]) => Object.entries<any>(item).map(([method, op]) => ({ path, method, op })));
  /** the component a JSON success answer refers to */
  const componentOf = (op: any): string | undefined => op.responses['200']?.content?.['application/json']?.schema?.$ref?.replace('#/components/schemas/', '');

  it('describes the success answer of every operation: a JSON schema, a file, or nothing', () => {
    const all = operations();
    const file = (op: any) => Object.values<any>(op.responses['200']?.content ?? {}).some((c) => c.schema?.format === 'binary');
    const declared = all.filter(({ op }) => componentOf(op) || file(op) || op.responses['204']);
    const gets = all.filter(({ method, op }) => method === 'get' && !file(op));
    const jsonGets = gets.filter(({ op }) => componentOf(op));
    for (const { op } of all) {
      const id = componentOf(op);
      if (id) expect(doc.components.schemas[id], id).toBeDefined();
    }
    console.info(`${declared.length}/${all.length} operations declare their answer; ${jsonGets.length}/${gets.length} JSON GETs`);
    // every operation: a new route declares what it answers (config.answers) from its first commit
    expect(all.filter((o) => !declared.includes(o)).map(({ method, path }) => `${method.toUpperCase()} ${path}`)).toEqual([]);
    expect(doc.paths['/api/proposals/{id}'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ProposalDetail' });
    expect(doc.components.schemas.ProposalDetail.properties.submittedAt).toMatchObject({ type: 'string', format: 'date-time', nullable: true });
    // a success answer's objects are closed: the fields listed are all that is sent (the next test holds the real answers to it)
    const open: string[] = [];
    const walk = (s: any, at: string): void => {
      if (!s || typeof s !== 'object') return;
      if (s.properties && s.additionalProperties !== false) open.push(at);
      for (const [k, v] of Object.entries(s)) walk(v, `${at}.${k}`);
    };
    for (const { op } of all) if (componentOf(op)) walk(doc.components.schemas[componentOf(op)!], componentOf(op)!);
    expect(open).toEqual([]);
    expect(doc.components.schemas.ProposalDetail.additionalProperties).toBe(false);
  });

  /**
   * Every declared JSON GET, called as the first account allowed to, and its answer checked against
   * the declared schema: every field it requires, of its type — and no field it does not list.
   * A path parameter is filled, in this order, from: the rows of the list the path extends
   * (`/api/meetings` for `/api/meetings/{id}/qr`); the in-app links of answers (`/research/items/…`
   * in a unit's worklist); the fields named after it in answers (`memberId`, `committeeId`; `{id}`
   * after `consultations` from `consultationId`); the rows of the list it names (`/api/members` for
   * `{memberId}`); SAMPLE_PARAMS; and last, the extended list as the other accounts see it. A
   * required query parameter is filled from the same fields, its enum's values, or — for an id
   * beside a `type` — the rows of that type's list (`type=proposal` → `/api/proposals`).
   */
  it('answers what it declares, on the demo data', async () => {
    const accounts = ['office', 'member', 'admin', 'staff', 'info', 'leader', 'unit', 'roster', 'auditor', 'city_admin'];
    const clients = new Map<string, Client>();
    const as = async (u: string) => clients.get(u) ?? clients.set(u, await t.as(u)).get(u)!;
    // the portal committee that published most, and sample values for a query a route requires
    const [portal] = (await t.anonymous.get('/api/portal/committees')).body.items.sort((a: any, b: any) => b.published - a.published);
    const query = new URLSearchParams({ committeeId: portal.id, q: '教育', text: '关于加强社区养老服务的建议', year: '2026', from: '2026-03-02', n: '5' });
    type Found = { account: string; id: string; from: string };
    /**
     * what the answers so far offer for a parameter: `list <path>` (its rows), `link <web path>`,
     * `field <name>`, `rows <area> <name>` (the rows of a record's array so named), `subjectId <type>`
     */
    const found = new Map<string, Found[]>();
    const offer = (key: string, found_: Found) => {
      const have = found.get(key) ?? found.set(key, []).get(key)!;
      if (have.length < 24 && !have.some((f) => f.id === found_.id)) have.push(found_);
    };
    const harvest = (from: string, account: string, body: unknown, depth = 0): void => {
      if (depth > 6 || !body || typeof body !== 'object') return;
      if (Array.isArray(body)) return body.slice(0, 60).forEach((v) => harvest(from, account, v, depth + 1));
      const row = body as Record<string, unknown>;
      if (typeof row.type === 'string' && typeof row.subjectId === 'string') offer(`subjectId ${row.type}`, { account, id: row.subjectId, from });
      for (const [k, v] of Object.entries(row)) {
        if (typeof v === 'string' && (/Id$/.test(k) || k === 'code')) offer(`field ${k}`, { account, id: v, from });
        else if (typeof v === 'string' && /^\/[a-z][\w-]*(\/[\w-]+)+$/.test(v)) offer(`link ${v.replace(/\/[\w-]+$/, '')}`, { account, id: v.slice(v.lastIndexOf('/') + 1), from });
        else {
          // a record's own rows (a list's rows are its `list` offers): keyed by the area they were found in
          if (Array.isArray(v) && (depth > 0 || from.includes('{'))) for (const r of v.slice(0, 4)) if (typeof r?.id === 'string') offer(`rows ${from.split('/')[2]} ${k}`, { account, id: r.id, from });
          harvest(from, account, v, depth + 1);
        }
      }
    };
    /** the offers for a path, those found on pages nearest to it first (sharing most segments) */
    const nearest = (path: string, offers: Found[] = []) => {
      const near = (f: Found) => f.from.split('/').filter((s) => s && path.split('/').includes(s)).length;
      return [...offers].sort((a, b) => near(b) - near(a));
    };
    const failures: string[] = [];
    const undeclared = new Set<string>();
    const checked: { path: string; tag: string }[] = [];
    const check = (url: string, account: string, op: any, body: unknown) => {
      const id = componentOf(op)!;
      const schema = answerSchema(id)!;
      const parsed = schema.safeParse(body);
      if (!parsed.success) failures.push(`${url} (${account}) ≠ ${id}: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      for (const field of undeclaredFields(schema, body)) undeclared.add(`${id}.${field.replace(/\.\d+(?=\.|$)/g, '.*')}`);
    };
    /** `consultations` → `consultation`, `by-activity` → `activity`, `activities` → `activity` */
    const singular = (segment: string) => segment.replace(/^.*-/, '').replace(/ies$/, 'y').replace(/s$/, '');
    const listed = async (list: string, account: string): Promise<Found[]> => {
      const res = await (account === 'anonymous' ? t.anonymous : await as(account)).get(list);
      const rows = Array.isArray(res.body) ? res.body : res.body?.items;
      return res.status === 200 && Array.isArray(rows) ? rows.filter((r: any) => typeof r?.id === 'string').slice(0, 4).map((r: any) => ({ account, id: r.id, from: list })) : [];
    };
    /** the values a path parameter may take, most likely first */
    async function* valuesOf(path: string, param: string): AsyncGenerator<Found> {
      const name = param.slice(1, -1);
      const list = path.slice(0, path.indexOf(param) - 1);
      const segment = list.slice(list.lastIndexOf('/') + 1);
      const stem = name === 'id' ? singular(segment) : name.replace(/Id$/, '');
      yield* found.get(`list ${list}`) ?? [];
      yield* nearest(path, found.get(`link ${list.replace(/^\/api/, '')}`));
      // a field named after it, or a record's rows named after its segment: those found nearest first
      yield* nearest(path, [...(found.get(`field ${name === 'id' ? `${stem}Id` : name}`) ?? []), ...(name === 'id' ? found.get(`rows ${path.split('/')[2]} ${segment}`) ?? [] : [])]);
      yield* found.get(`list /api/${stem}s`) ?? [];
      if (SAMPLE_PARAMS[path]) yield { account: 'admin', id: SAMPLE_PARAMS[path], from: '' };
      for (const account of accounts) yield* await listed(list, account);
    }
    /** query strings to call a refused path with: its required parameters filled, then the samples */
    const queriesOf = (path: string, op: any): string[] => {
      const required = (op.parameters ?? []).filter((p: any) => p.in === 'query' && p.required);
      const typeParam = required.find((p: any) => p.schema?.enum);
      const combos: string[] = [];
      for (const type of typeParam ? typeParam.schema.enum.slice(0, 3) : [undefined]) {
        const others = required.filter((p: any) => p !== typeParam);
        const choices = others.map((p: any) => {
          if (query.has(p.name)) return [query.get(p.name)!];
          const offers = [...(found.get(`field ${p.name}`) ?? []), ...(found.get(`subjectId ${type}`) ?? []), ...(found.get(`list /api/${type}s`) ?? [])];
          return nearest(path, offers).slice(0, 6).map((f) => f.id);
        });
        for (let i = 0; i < Math.max(1, ...choices.map((c: string[]) => c.length)); i++) {
          const q = new URLSearchParams(typeParam ? { [typeParam.name]: type } : {});
          others.forEach((p: any, n: number) => choices[n][i] !== undefined && q.set(p.name, choices[n][i]));
          if (required.length) combos.push(`?${q}`);
        }
      }
      return [...combos, `?${query}`];
    };
    const targets = operations()
      .filter(({ method, op }) => method === 'get' && componentOf(op))
      .sort((a, b) => a.path.split('/').length - b.path.split('/').length);
    // twice: a path whose values come from answers further down the list gets a second chance
    for (let pass = 0; pass < 2; pass++) {
      for (const { path, op } of targets) {
        if (checked.some((c) => c.path === path)) continue;
        const params = path.match(/\{[^}]+\}/g) ?? [];
        if (params.length > 1) continue;
        const values: AsyncIterable<Found | undefined> = params.length ? valuesOf(path, params[0]!) : (async function* () { yield undefined; })();
        let done = false;
        let tried = 0;
        for await (const value of values) {
          if (done || ++tried > 12) break;
          const url = value ? path.replace(params[0]!, encodeURIComponent(value.id)) : path;
          const order = op.security.length === 0 ? ['anonymous'] : value ? [value.account, ...accounts.filter((a) => a !== value.account)] : accounts;
          for (const account of order) {
            const get = async (u: string) => (account === 'anonymous' ? t.anonymous : await as(account)).get(u);
            let res = await get(url);
            for (const q of res.status === 400 ? queriesOf(path, op) : []) if (res.status === 400 || res.status === 404) res = await get(`${url}${q}`);
            if (res.status !== 200) continue;
            harvest(path, account, res.body);
            if (!done) {
              check(url, account, op, res.body);
              checked.push({ path, tag: op.tags?.[0] ?? '' });
              done = true;
            }
            // a list's first rows, for its records' pages: from the first account whose list has some
            const rows = Array.isArray(res.body) ? res.body : res.body?.items;
            if (typeof rows?.[0]?.id === 'string') {
              for (const r of rows.slice(0, 4)) if (typeof r?.id === 'string') offer(`list ${path}`, { account, id: r.id, from: path });
              break;
            }
            if (params.length) break;
          }
        }
        // a record's page: the list's other rows too, for what they hold and link to (checked alike)
        if (done && params.length && path.endsWith(params[0]!)) {
          for (const f of found.get(`list ${path.slice(0, path.indexOf(params[0]!) - 1)}`) ?? []) {
            const url = path.replace(params[0]!, encodeURIComponent(f.id));
            const res = await (f.account === 'anonymous' ? t.anonymous : await as(f.account)).get(url);
            if (res.status !== 200) continue;
            check(url, f.account, op, res.body);
            harvest(path, f.account, res.body);
          }
        }
      }
    }
    const tags = new Set(targets.map(({ op }) => op.tags?.[0] ?? ''));
    const unchecked = targets.filter(({ path }) => !checked.some((c) => c.path === path)).map(({ path }) => path);
    console.info(`checked ${checked.length}/${targets.length} declared JSON GETs against the demo data; not reached: ${unchecked.join(' ')}`);
    expect(failures).toEqual([]);
    // an answer sends the fields its schema lists and no other (a presenter cuts a row with onlyDeclared)
    expect([...undeclared]).toEqual([]);
    // every declared JSON GET is reached, but those the demo data cannot answer, each for its reason
    expect([...unchecked].sort()).toEqual(Object.keys(UNREACHABLE).sort());
    expect([...new Set(checked.map((c) => c.tag))].sort()).toEqual([...tags].sort());
    expect(checked.map((c) => c.path)).toEqual(expect.arrayContaining(MUST_CHECK));
  }, 300_000);
});

const MUST_CHECK = [
  '/api/proposals', '/api/proposals/{id}', '/api/opinions', '/api/opinions/{id}', '/api/members', '/api/members/{id}',
  '/api/meetings', '/api/meetings/{id}', '/api/portal/home', '/api/portal/proposals', '/api/portal/proposals/{id}', '/api/handling/worklist',
  '/api/dashboard', '/api/auth/me', '/api/notifications', '/api/org/{kind}', '/api/settings/{module}',
];
/** a path parameter that is not a record's id (no list answers it): a value to call it with */
const SAMPLE_PARAMS: Record<string, string> = { '/api/org/{kind}': 'units', '/api/settings/{module}': 'proposalDrafting' };
/** declared JSON GETs the demo data cannot answer, each with its reason */
const UNREACHABLE: Record<string, string> = {
  '/api/meetings/{id}/qr': 'a venue code exists only in an event’s check-in window (minutes before its start to its end) by the wall clock; the demo’s events are days away from any run',
  '/api/evaluation/invitations/{token}': 'a representative’s link is shown once, when the office issues it, and stored as a hash: no answer holds it, only a write (re-issue) would',
  '/api/joint/activities/{id}/qr': 'a venue code exists only in the check-in window by the wall clock: the demo’s joint inspection (深圳市政协 with its districts) is ten days away from any run',
};
