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
  });

  /**
   * Every declared JSON GET the demo data can answer, called as the first account allowed to (a
   * path's `{id}` taken from the first row its list answered to someone, another parameter from
   * SAMPLE_PARAMS; a refused query retried with sample values), and its answer checked against the
   * declared schema: every field it requires, of its type — and no field it does not list.
   */
  it('answers what it declares, on the demo data', async () => {
    const accounts = ['office', 'member', 'admin', 'staff', 'info', 'leader', 'unit', 'roster', 'auditor'];
    const clients = new Map<string, Client>();
    const as = async (u: string) => clients.get(u) ?? clients.set(u, await t.as(u)).get(u)!;
    // the portal committee that published most, and sample values for a query a route requires
    const [portal] = (await t.anonymous.get('/api/portal/committees')).body.items.sort((a: any, b: any) => b.published - a.published);
    const query = new URLSearchParams({ committeeId: portal.id, q: '教育', text: '关于加强社区养老服务的建议', year: '2026', from: '2026-03-02', n: '5' });
    const rowOf = new Map<string, { account: string; id: string }>();
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
    const targets = operations()
      .filter(({ method, op }) => method === 'get' && componentOf(op))
      .sort((a, b) => a.path.split('/').length - b.path.split('/').length);
    for (const { path, op } of targets) {
      const params = path.match(/\{[^}]+\}/g) ?? [];
      if (params.length > 1) continue;
      const row = params.length ? rowOf.get(path.slice(0, path.indexOf('/{'))) ?? (SAMPLE_PARAMS[path] ? { account: 'admin', id: SAMPLE_PARAMS[path] } : undefined) : undefined;
      if (params.length && !row) continue;
      const url = row ? path.replace(params[0]!, encodeURIComponent(row.id)) : path;
      const order = op.security.length === 0 ? ['anonymous'] : row ? [row.account, ...accounts.filter((a) => a !== row.account)] : accounts;
      let done = false;
      for (const account of order) {
        const get = async (u: string) => (account === 'anonymous' ? t.anonymous : await as(account)).get(u);
        let res = await get(url);
        if (res.status === 400) res = await get(`${url}?${query}`);
        if (res.status !== 200) continue;
        if (!done) {
          check(url, account, op, res.body);
          checked.push({ path, tag: op.tags?.[0] ?? '' });
          done = true;
        }
        // a list's first row, for its record's page: from the first account whose list has one
        const rows = Array.isArray(res.body) ? res.body : res.body?.items;
        if (typeof rows?.[0]?.id === 'string') {
          rowOf.set(path, { account, id: rows[0].id });
          break;
        }
        if (params.length) break;
      }
    }
    const tags = new Set(targets.map(({ op }) => op.tags?.[0] ?? ''));
    const unchecked = targets.filter(({ path }) => !checked.some((c) => c.path === path)).map(({ path }) => path);
    console.info(`checked ${checked.length}/${targets.length} declared JSON GETs against the demo data; not reached: ${unchecked.join(' ')}`);
    expect(failures).toEqual([]);
    // an answer sends the fields its schema lists and no other (a presenter cuts a row with onlyDeclared)
    expect([...undeclared]).toEqual([]);
    // at least one real answer of every area that declares one, and the pages people use most
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
