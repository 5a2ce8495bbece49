import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { committees } from '../../src/server/platform/tenancy/schema.js';
import { keyProposals } from '../../src/server/modules/proposals/key/schema.js';

/**
 * 提案办理协商 names the key proposals it discusses: the general office picks key proposals of the
 * consultation's committee and year (field errors, 409 on a stale version, an audit row); the
 * consultation's page lists them with links, and each key proposal's page shows the consultation
 * with its date, link, minutes and outcome.
 */
describe.each(dbKinds)('a proposal-handling consultation and its key proposals on %s', (kind) => {
  let t: TestApp;
  const sessions = new Map<string, Client>();
  const as = async (username: string) => {
    if (!sessions.has(username)) sessions.set(username, await t.as(username));
    return sessions.get(username)!;
  };
  let c: any;
  let keys: any[];
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('the office picks key proposals of the same committee and year; anything else names the field; a stale version is 409', async () => {
    const office = await as('office');
    const plans = await ok(office.get('/api/consultation/plans'));
    const current = plans.items.find((p: any) => p.status === 'approved' && p.year === Math.max(...plans.items.map((x: any) => x.year)));
    const plan = await ok(office.get(`/api/consultation/plans/${current.id}`));
    const item = plan.items.find((i: any) => i.form === 'proposalHandling');
    c = await ok(office.get(`/api/consultation/consultations/${item.id}`));
    expect(c.actions).toContain('keyProposals');
    expect(c.keyProposals).toEqual([]);
    // the demo's proposals belong to the session their day falls in (next year's, late in the year):
    // one decided key proposal is made this plan's year, another stays of another year
    const [lg] = await t.database.db.select({ id: committees.id }).from(committees).where(eq(committees.shortName, '龙岗区政协'));
    const decided = await t.database.db.select().from(keyProposals).where(and(eq(keyProposals.committeeId, lg.id), inArray(keyProposals.status, ['selected', 'reviewed', 'signedOff'])));
    expect(decided.length).toBeGreaterThan(1);
    await t.database.db.update(keyProposals).set({ year: c.year }).where(eq(keyProposals.id, decided[0].id));
    await t.database.db.update(keyProposals).set({ year: c.year + 1 }).where(eq(keyProposals.id, decided[1].id));
    c = await ok(office.get(`/api/consultation/consultations/${item.id}`));
    keys = c.keyProposalOptions;
    expect(keys.map((k: any) => k.id)).toContain(decided[0].id);
    expect(keys.map((k: any) => k.id)).not.toContain(decided[1].id);
    const otherYear = await office.post(`/api/consultation/consultations/${c.id}/key-proposals`, { version: c.version, keyProposalIds: [decided[1].id] });
    expect(otherYear.status).toBe(400);
    expect(otherYear.body.message).toContain(`${c.year}年度`);
    expect(keys.length).toBeGreaterThan(0);
    const url = `/api/consultation/consultations/${c.id}/key-proposals`;
    // a made-up id, and a key proposal of another year, are refused by the field's name
    const madeUp = await office.post(url, { version: c.version, keyProposalIds: ['00000000-0000-4000-8000-000000000001'] });
    expect(madeUp.status).toBe(400);
    expect(madeUp.body.message).toContain('讨论的重点提案');
    const notUuid = await office.post(url, { version: c.version, keyProposalIds: ['x'] });
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.message).toContain('重点提案');
    expect((await office.post(url, { version: c.version + 1, keyProposalIds: [keys[0].id] })).status).toBe(409);
    // the proposal office, members and leaders read it, but only the general office picks
    for (const username of ['staff', 'member', 'leader']) expect((await (await as(username)).post(url, { version: c.version, keyProposalIds: [keys[0].id] })).status).toBe(403);
    c = await ok(office.post(url, { version: c.version, keyProposalIds: [keys[0].id] }));
    expect(c.keyProposals.map((k: any) => [k.id, k.link])).toEqual([[keys[0].id, `/proposals/${keys[0].proposalId}`]]);
    const trail = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, c.id));
    expect(trail.find((a) => a.action === 'consultation.keyProposals')?.after).toMatchObject({ keyProposalIds: [keys[0].id], added: [keys[0].id] });
    // a member reads which key proposals it discusses, and cannot pick
    const seen = await ok((await as('member')).get(`/api/consultation/consultations/${c.id}`));
    expect(seen.keyProposals.map((k: any) => k.title)).toEqual([keys[0].title]);
    expect(seen.keyProposalOptions).toEqual([]);
    expect(seen.actions).not.toContain('keyProposals');
  });

  it('another form discusses no key proposals', async () => {
    const office = await as('office');
    const plan = await ok(office.get(`/api/consultation/plans/${c.planId}`));
    const other = plan.items.find((i: any) => i.form === 'thematic');
    const o = await ok(office.get(`/api/consultation/consultations/${other.id}`));
    expect(o.actions).not.toContain('keyProposals');
    const res = await office.post(`/api/consultation/consultations/${o.id}/key-proposals`, { version: o.version, keyProposalIds: [keys[0].id] });
    expect(res.status).toBe(403);
  });

  it('the key proposal’s page shows the consultation: date, link, minutes and outcome once held', async () => {
    const office = await as('office');
    const staff = await as('staff');
    const memberId = (await (await as('member')).get('/api/auth/me')).body.user.memberId;
    c = await ok(office.post(`/api/consultation/consultations/${c.id}/schedule`, { version: c.version, startsAt: `${c.year}-07-15T02:00:00Z`, endsAt: `${c.year}-07-15T05:00:00Z`, location: '区政协三楼会议室', memberIds: [memberId] }));
    const keyOf = async () => (await ok(staff.get(`/api/proposals/${keys[0].proposalId}/key-proposal`))).key;
    let k = await keyOf();
    expect(k.consultations).toEqual([expect.objectContaining({ id: c.id, title: c.title, date: `${c.year}-07-15`, link: `/consultation/consultations/${c.id}`, minutes: null, outcome: null })]);
    c = await ok(office.post(`/api/consultation/consultations/${c.id}/hold`, { version: c.version, heldOn: `${c.year}-07-16`, minutes: '承办单位通报了学位建设进展，委员与教育局、工务署就建设时序和资金保障面对面协商。' }));
    c = await ok(office.post(`/api/consultation/consultations/${c.id}/report`, { version: c.version, outcomeKind: 'report', outcomeTitle: '关于加快中小学学位建设的协商报告', outcomeText: '一、优化学校建设时序。二、保障建设资金。', sentOn: `${c.year}-07-25` }));
    k = await keyOf();
    expect(k.consultations[0]).toMatchObject({ date: `${c.year}-07-16`, minutes: expect.stringContaining('面对面协商'), outcome: expect.stringContaining('关于加快中小学学位建设的协商报告') });
    // the year's list of key proposals carries it too
    const list = await ok(staff.get(`/api/proposals/key-proposals?year=${c.year}`));
    expect(list.items.find((x: any) => x.id === keys[0].id).consultations.map((x: any) => x.id)).toEqual([c.id]);
    // until it is done the office may still change the list
    expect(c.actions).toContain('keyProposals');
  });
});
