import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { committeeRecords, fillPath, type CommitteeRecords } from '../support/fixtures.js';

/**
 * The authorisation matrix, generated from the route table: every API route × every role × a
 * record of the actor's own committee and one of another committee. It asserts what must hold for
 * all of them: no 5xx; anonymous callers get 401; nothing of another committee is ever returned or
 * changed (a forbidden read looks like not-found); list answers never carry another committee's ids.
 * What each role may do with its own committee's records is tested per policy, in tables.
 */
const GHOST = '00000000-0000-4000-8000-000000000000';
const roles = ['admin', 'staff', 'info', 'roster', 'office', 'leader', 'member', 'member2', 'unit', 'unit3', 'secadmin', 'auditor'];

describe('authorisation matrix', () => {
  let t: TestApp;
  let own: CommitteeRecords;
  let other: CommitteeRecords;
  const clients: Record<string, Client> = {};
  beforeAll(async () => {
    t = await startTestApp('pglite');
    own = await committeeRecords(t, '');
    other = await committeeRecords(t, 'ft_');
    for (const r of roles) clients[r] = await t.as(r);
  }, 180_000);
  afterAll(() => t.close());

  const privateRoutes = () => t.app.routeTable.filter((r) => !r.public);
  const otherIds = () => Object.values(other).filter((id) => id !== own.committee);

  it('covers every private route', () => {
    expect(privateRoutes().length).toBeGreaterThan(40);
  });

  it('refuses anonymous callers on every private route with 401', async () => {
    for (const route of privateRoutes()) {
      const res = await t.anonymous.request({ method: route.method as any, url: fillPath(route.url, own), payload: route.method === 'GET' ? undefined : {} });
      expect(res.status, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('never answers 5xx, never succeeds on another committee’s record, never leaks its ids', async () => {
    const problems: string[] = [];
    for (const route of privateRoutes()) {
      const hasParams = /:(id|assignmentId|replyId)\b/.test(route.url);
      for (const role of roles) {
        for (const [which, records] of [['own', own], ['other', other]] as const) {
          if (which === 'other' && !hasParams) continue;
          const url = fillPath(route.url, records);
          const res = await clients[role].request({ method: route.method as any, url, payload: route.method === 'GET' ? undefined : {} });
          const where = `${role} ${route.method} ${url} (${which})`;
          if (res.status >= 500) problems.push(`${where} → ${res.status} ${res.raw.slice(0, 120)}`);
          if (which === 'other' && res.status < 300) problems.push(`${where} → ${res.status}: another committee's record answered`);
          if (which === 'other' && res.status === 403) {
            // a refusal by role alone is the same for any id; one that differs from a made-up id reveals the record
            const ghost = await clients[role].request({ method: route.method as any, url: fillPath(route.url, { ...other, proposal: GHOST, member: GHOST, user: GHOST, assignment: GHOST, unit: GHOST }), payload: route.method === 'GET' ? undefined : {} });
            if (ghost.status !== 403) problems.push(`${where} → 403 but ${ghost.status} for a made-up id: reveals the record exists`);
          }
          if (which === 'own' && res.status < 300 && route.method === 'GET') {
            const leaked = otherIds().filter((id) => res.raw.includes(id));
            if (leaked.length) problems.push(`${where} leaks ${leaked.join(',')}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('hides a member’s draft from other members and a unit’s assignment from other units', async () => {
    expect((await clients.member2.get(`/api/proposals/${own.draft}`)).status).toBe(404);
    expect((await clients.unit3.get(`/api/proposals/${own.proposal}`)).status).toBe(404);
    expect((await clients.unit.get(`/api/proposals/${own.proposal}`)).status).toBe(200);
  });
});
