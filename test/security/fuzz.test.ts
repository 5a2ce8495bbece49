import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { bodiesByValue, buildRecords, login, pathOf, variantsOf, type Records, type Variant } from '../support/authz-fixtures.js';
import { userTables } from '../../src/server/db/backup.js';
import { sampleOf } from '../support/zod-sample.js';
import { upload } from '../support/upload.js';
import { requestSubmission } from '../../src/shared/requests/inputs.js';

/** One character of what arrives in real attacks: control characters (NUL first), lone surrogates, or any code point. */
const hostileUnit = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u007f', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
/** Values people (and attackers) actually send. */
const hostileString = fc.oneof(
  fc.constantFrom("'; drop table proposals; --", '" OR 1=1 --', '<script>alert(1)</script>', '\u0000\u0001\u0007\u001b[31m', '😀🇨🇳👍🏽', '\uFFFF\uD800', '%00%27', '../../etc/passwd', '${7*7}{{7*7}}', '关于'.repeat(3)),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: hostileUnit, minLength: 1, maxLength: 40 }),
  fc.string({ minLength: 30_000, maxLength: 30_001 }).map((s) => s || 'x'.repeat(30_000)),
  fc.constant('长'.repeat(120_000)),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, false, -1, 0, 1e308, Number.MAX_SAFE_INTEGER),
  fc.array(hostileString, { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 3 }),
);

/** The keys a route's zod body schema names, so mutations hit real fields. */
function bodyKeys(schema: unknown): string[] {
  const shape = (schema as any)?._zod?.def?.shape ?? (schema as any)?.shape;
  return shape ? Object.keys(shape) : [];
}

function payloads(keys: string[]): fc.Arbitrary<unknown> {
  const record = keys.length ? fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] }) : fc.constant({});
  return fc.oneof(record, fc.anything({ maxDepth: 3 }), fc.array(hostileValue, { maxLength: 3 }), hostileValue);
}

const chinese = /[\u4e00-\u9fa5]/;

/** A refusal must speak Chinese, and a validation refusal must name each field it refuses, in Chinese. */
function refusalProblems(where: string, res: { status: number; body: any; raw: string }): string[] {
  const problems: string[] = [];
  if (!chinese.test(res.body?.message ?? '')) problems.push(`${where} → ${res.status} without a Chinese message: ${res.raw.slice(0, 100)}`);
  if (res.body?.code === 'validation' && !(res.body.fields?.length > 0)) problems.push(`${where} → a validation error naming no field`);
  for (const f of res.body?.fields ?? []) if (!chinese.test(f.label ?? '')) problems.push(`${where} → field ${f.field} has no Chinese label (${f.label})`);
  return problems;
}
const RUNS = Number(process.env.FUZZ_RUNS ?? 5);
/** Public writes whose body the handler parses itself (JSON or multipart): the schema it parses with. */
const parsedInHandler: [RegExp, unknown][] = [[/^\/api\/portal\/requests$/, requestSubmission]];

describe('fuzzing every endpoint with malformed input', () => {
  let t: TestApp;
  let own: Records;
  const clients: Record<string, Client> = {};
  /** A route's path with the records the authorisation matrix uses: real ids of the right kind, each enum value. */
  const paths = (routes: typeof t.app.routeTable) => variantsOf(routes).variants.map((v: Variant) => ({ v, url: pathOf(v, (p) => own[v.kinds[p]]) }));
  beforeAll(async () => {
    t = await startTestApp('pglite');
    const signedIn: Record<string, Client> = {};
    for (const r of ['admin', 'staff', 'info', 'member', 'member2', 'office', 'unit', 'leader', 'roster']) signedIn[r] = await login(t, r);
    own = await buildRecords(t, '', (r) => signedIn[r]);
    for (const r of ['admin', 'staff', 'info', 'member', 'unit']) clients[r] = signedIn[r];
  }, 180_000);
  afterAll(() => t.close());

  /** Every table's row count (but the sessions and notifications a request may write by itself), in one statement. */
  let countAll: string | undefined;
  async function tableCounts() {
    countAll ??= (await userTables(t.database))
      .filter((table) => table !== 'sessions' && table !== 'notifications')
      .map((table) => `select '${table}' as t, count(*) as n from "${table}"`)
      .join(' union all ');
    const rows = await t.database.query<{ t: string; n: string }>(countAll);
    return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
  }

  it('answers every malformed request with a Chinese 4xx that names the field, and stores nothing', async () => {
    const problems: string[] = [];
    for (const { v, url } of paths(t.app.routeTable.filter((r) => !r.public && r.method !== 'GET'))) {
      const { route } = v;
      const before = await tableCounts();
      let succeeded = false;
      for (const [role, client] of Object.entries(clients)) {
        const samples = fc.sample(payloads(bodyKeys(route.schema?.body)), { numRuns: RUNS, seed: 42 });
        for (const payload of samples) {
          const res = await client.request({ method: route.method as any, url, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });
          const where = `${role} ${v.label} ${JSON.stringify(payload).slice(0, 80)}`;
          if (res.status >= 500) problems.push(`${where} → ${res.status}`);
          else if (res.status >= 400) problems.push(...refusalProblems(where, res));
          else succeeded = true;
        }
      }
      if (!succeeded) {
        const after = await tableCounts();
        for (const [table, n] of Object.entries(after)) if (n !== before[table]) problems.push(`${v.label}: ${table} changed ${before[table]} → ${n} though every request failed`);
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('fuzzes the public writes (login, the portal) as an anonymous visitor the same way', async () => {
    const problems: string[] = [];
    for (const { v, url } of paths(t.app.routeTable.filter((r) => r.public && r.method !== 'GET'))) {
      const { route } = v;
      for (const payload of fc.sample(payloads(bodyKeys(route.schema?.body)), { numRuns: RUNS * 2, seed: 11 })) {
        const res = await t.anonymous.request({ method: route.method as any, url, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });
        const where = `anonymous ${v.label} ${JSON.stringify(payload).slice(0, 80)}`;
        if (res.status >= 500) problems.push(`${where} → ${res.status}`);
        else if (res.status >= 400) problems.push(...refusalProblems(where, res));
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('answers hostile path parameters of every route (not an id, SQL, overlong) with a Chinese 4xx', async () => {
    const problems: string[] = [];
    const bad = ['not-a-uuid', "1' or '1'='1", '0'.repeat(300), '%00', '..%2F..%2Fetc', '12345678-1234-1234-1234-1234567890ab'];
    for (const route of t.app.routeTable.filter((r) => r.url.includes('/:'))) {
      for (const value of bad) {
        const url = route.url.replace(/:[A-Za-z]+/g, value);
        const client = route.public ? t.anonymous : clients.admin;
        const res = await client.request({ method: route.method as any, url, payload: route.method === 'GET' ? undefined : '{}', headers: route.method === 'GET' ? {} : { 'content-type': 'application/json' } });
        const where = `${route.method} ${url}`;
        if (res.status >= 500) problems.push(`${where} → ${res.status}`);
        else if (res.status >= 400) problems.push(...refusalProblems(where, res));
        else if (value !== bad.at(-1)) problems.push(`${where} → ${res.status} for a malformed id`);
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  /** Every string leaf of a sample body: its path and value. */
  function stringLeaves(value: unknown, path: string[] = []): string[][] {
    if (typeof value === 'string') return [path];
    if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, String(i)]));
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
    return [];
  }
  const withAt = (value: any, path: string[], f: (s: string) => string): any => {
    if (path.length === 0) return f(value);
    const copy = Array.isArray(value) ? [...value] : { ...value };
    copy[path[0]] = withAt(value[path[0]], path.slice(1), f);
    return copy;
  };
  // a NUL (PostgreSQL text cannot hold one), another control character, a lone surrogate (no text at all)
  const badText: [string, (s: string) => string][] = [['NUL', (s) => `${s}\u0000`], ['BEL', (s) => `\u0007${s}`], ['ESC', (s) => `${s.slice(0, 1)}\u001b${s.slice(1)}`], ['lone surrogate', (s) => `${s}\uD800`]];

  it('refuses NUL, control characters and lone surrogates in every string field of every body and query with a 400 naming the field', async () => {
    const problems: string[] = [];
    let cases = 0;
    // every public route too (login, the portal's letters, topics, ratings and lookups): the same refusal before any other check
    let address = 0;
    for (const { v, url } of paths(t.app.routeTable)) {
      const byValue = bodiesByValue.find(([re]) => re.test(v.route.url));
      const parts: ['payload' | 'query', unknown][] = [];
      const body = v.route.schema?.body ?? (byValue ? byValue[2][v.values[byValue[1]]] : undefined) ?? parsedInHandler.find(([re]) => re.test(v.route.url))?.[1];
      if (v.route.method !== 'GET' && body) parts.push(['payload', sampleOf(body, () => undefined)]);
      if (v.route.schema?.querystring) parts.push(['query', sampleOf(v.route.schema.querystring, () => undefined)]);
      for (const [part, sample] of parts) {
        for (const path of stringLeaves(sample)) {
          // a lone surrogate cannot travel in a URL or multipart name (UTF-8 turns it into U+FFFD); in JSON it can
          for (const [what, spoil] of badText.filter(([w]) => part === 'payload' || w !== 'lone surrogate')) {
            cases++;
            const spoilt = withAt(sample, path, spoil);
            const client = v.route.public ? t.anonymous : clients.admin;
            // public forms are limited per address a minute: each spoilt letter comes from an address of its own
            const from = v.route.public ? { remoteAddress: `198.51.${100 + Math.floor(address / 250)}.${address++ % 250}` } : {};
            const res = part === 'payload'
              ? await client.request({ method: v.route.method as any, url, payload: JSON.stringify(spoilt), headers: { 'content-type': 'application/json' }, ...from })
              : await client.request({ method: v.route.method as any, url: `${url}?${new URLSearchParams(spoilt as Record<string, string>)}`, ...(v.route.method === 'GET' ? {} : { payload: '{}', headers: { 'content-type': 'application/json' } }), ...from });
            const field = path.join('.');
            const where = `${v.label} ${part} ${field} with a ${what}`;
            if (res.status !== 400 || !res.body?.fields?.some((f: { field: string }) => f.field === field)) problems.push(`${where} → ${res.status} ${res.raw.slice(0, 140)}`);
            else problems.push(...refusalProblems(where, res));
          }
        }
      }
    }
    // the name of an uploaded file is a string too
    for (const { v, url } of paths(t.app.routeTable.filter((r) => r.method === 'POST' && !r.schema?.body && /\/(attachments|files)$/.test(r.url)))) {
      for (const [what, spoil] of badText.filter(([w]) => w !== 'lone surrogate')) {
        cases++;
        const query = v.route.schema?.querystring ? `?${new URLSearchParams(sampleOf(v.route.schema.querystring, () => undefined) as Record<string, string>)}` : '';
        const res = await clients.admin.request({ method: 'POST', url: url + query, ...upload(spoil('会议材料') + '.txt', Buffer.from('材料', 'utf8')) });
        if (res.status !== 400 || !res.body?.fields?.some((f: { field: string }) => f.field === 'file')) problems.push(`${v.label} file name with a ${what} → ${res.status} ${res.raw.slice(0, 140)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(cases).toBeGreaterThan(400);
  }, 600_000);

  it('answers malformed JSON and wrong content types with 4xx in Chinese', async () => {
    for (const body of ['{bad', '{"title": "x"', '\u0000', '[', 'null', '"just a string"']) {
      const res = await clients.member.request({ method: 'POST', url: '/api/proposals', payload: body, headers: { 'content-type': 'application/json' } });
      expect(res.status, body).toBeGreaterThanOrEqual(400);
      expect(res.status, body).toBeLessThan(500);
      expect(res.body.message).toMatch(chinese);
    }
    const xml = await clients.member.request({ method: 'POST', url: '/api/proposals', payload: '<a/>', headers: { 'content-type': 'application/xml' } });
    expect(xml.status).toBe(415);
    expect(xml.body.message).toMatch(chinese);
  });

  it('rejects hostile query strings on list routes without 5xx', async () => {
    const problems: string[] = [];
    for (const route of t.app.routeTable.filter((r) => !r.public && r.method === 'GET' && !r.url.includes(':'))) {
      const encodable = fc.sample(hostileString, { numRuns: 6, seed: 7 }).flatMap((v) => {
        try {
          return [encodeURIComponent(String(v).slice(0, 3000))];
        } catch {
          return []; // a lone surrogate cannot be percent-encoded; the raw cases below cover broken encodings
        }
      });
      for (const q of [...encodable, '%E0%A4%A', '%ZZ', '%00', '%uD800']) {
        const res = await clients.admin.get(`${route.url}?q=${q}&page=${q}&year=${q}&text=${q}&sessionId=${q}&scope=${q}`);
        if (res.status >= 500) problems.push(`GET ${route.url} → ${res.status}`);
        if (res.status >= 400 && !chinese.test(res.body?.message ?? '')) problems.push(`GET ${route.url} → ${res.status} without Chinese message`);
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
