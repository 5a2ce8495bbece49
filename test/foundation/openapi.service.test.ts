import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { startTestApp, type TestApp } from '../support/app.js';

/**
 * The API document as an outside client reads it (GET /api/docs/json): linted by Redocly's
 * recommended rules, with an operation id, the authentication and the error answers on every
 * operation.
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
});
