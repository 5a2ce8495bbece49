import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { memberIdOf, ok } from '../support/proposals.js';
import { newIssue, sampleOpinion, submittedOpinion } from '../support/opinions.js';
import type { Cockpit } from '../../src/shared/cockpit/cockpit.js';

/**
 * 社情民意联系点: the information office keeps the points and their liaison people (phones for staff
 * only); a member names the point a report came through; the office's list filters by it and the
 * figures count reports and adoptions per point, the totals being the sums of the points'.
 */
describe.each(dbKinds)('opinion contact points on %s', (kind) => {
  let t: TestApp;
  let info: Client;
  let member: Client;
  const GHOST = '00000000-0000-4000-8000-000000000000';
  const year = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  beforeAll(async () => {
    t = await startTestApp(kind);
    info = await t.as('info');
    member = await t.as('member');
  });
  afterAll(() => t.close());

  const point = (name: string, liaisons: object[] = [{ name: '王建国', phone: '13900001111' }]) => ({ name, kind: 'community', place: '龙城街道回龙埔社区工作站', note: '每周三下午接待', liaisons });

  it('the information office sets up a point with a member and a non-member as liaisons; only staff see the phone', async () => {
    const m2 = await memberIdOf(t, 'member2');
    const p = await ok(info.post('/api/opinions/contact-points', point('回龙埔社区联系点', [{ memberId: m2 }, { name: '王建国', phone: '13900001111' }])));
    expect(p.liaisons).toEqual([{ memberId: m2, name: expect.any(String), phone: null }, { memberId: null, name: '王建国', phone: '13900001111' }]);
    expect(p.liaisons[0].name.length).toBeGreaterThan(1);
    expect(p.actions).toEqual(['update']);
    // a member sees the point and its liaisons' names, never a phone, and may not change it
    const seen = (await ok(member.get('/api/opinions/contact-points'))).items.find((x: any) => x.id === p.id);
    expect(seen.liaisons.map((l: any) => [l.name, l.phone])).toEqual([[p.liaisons[0].name, null], ['王建国', null]]);
    expect(seen.actions).toEqual([]);
    expect(JSON.stringify(await ok(member.get(`/api/opinions/contact-points/${p.id}`)))).not.toContain('13900001111');
    expect((await member.post('/api/opinions/contact-points', point('委员不能设立的联系点'))).status).toBe(403);
    expect((await member.patch(`/api/opinions/contact-points/${p.id}`, { version: p.version, place: '别处' })).status).toBe(403);
    // refusals name the field: a liaison with neither member nor name, a foreign member, a duplicate name
    const noName = await info.post('/api/opinions/contact-points', point('无名联络员的联系点', [{ phone: '139' }]));
    expect([noName.status, noName.body.message]).toEqual([400, expect.stringContaining('联络员姓名')]);
    const foreign = await info.post('/api/opinions/contact-points', point('外区委员的联系点', [{ memberId: await memberIdOf(t, 'ft_member') }]));
    expect([foreign.status, foreign.body.message]).toEqual([400, expect.stringContaining('联络员（委员）')]);
    const twice = await info.post('/api/opinions/contact-points', point('回龙埔社区联系点'));
    expect([twice.status, twice.body.message]).toEqual([400, expect.stringContaining('联系点名称')]);
    // a stale version is a conflict; another committee's point is not found
    const moved = await ok(info.patch(`/api/opinions/contact-points/${p.id}`, { version: p.version, place: '龙城街道回龙埔社区党群服务中心' }));
    expect((await info.patch(`/api/opinions/contact-points/${p.id}`, { version: p.version, place: '旧版本' })).status).toBe(409);
    expect((await (await t.as('ft_info')).get(`/api/opinions/contact-points/${moved.id}`)).status).toBe(404);
  });

  it('a report names a point in use of its committee; the office filters by it; closing a point keeps its reports', async () => {
    const p = await ok(info.post('/api/opinions/contact-points', point('五和社区联系点')));
    for (const [contactPointId, message] of [[GHOST, '不存在']] as const) {
      const res = await member.post('/api/opinions', { ...sampleOpinion, contactPointId });
      expect([res.status, res.body.message]).toEqual([400, expect.stringContaining(message)]);
    }
    const o = await submittedOpinion(member, { contactPointId: p.id } as any);
    expect([o.contactPointId, o.contactPointName]).toEqual([p.id, '五和社区联系点']);
    const list = await ok(info.get(`/api/opinions?scope=all&year=all&contactPointId=${p.id}`));
    expect(list.items.map((x: any) => x.id)).toEqual([o.id]);

    const closed = await ok(info.patch(`/api/opinions/contact-points/${p.id}`, { version: p.version, active: false }));
    expect(closed.active).toBe(false);
    // members no longer see or name it; the office still sees it with its report
    expect((await ok(member.get('/api/opinions/contact-points'))).items.map((x: any) => x.id)).not.toContain(p.id);
    const refused = await member.post('/api/opinions', { ...sampleOpinion, contactPointId: p.id });
    expect([refused.status, refused.body.message]).toEqual([400, expect.stringContaining('停用')]);
    const office = (await ok(info.get('/api/opinions/contact-points'))).items.find((x: any) => x.id === p.id);
    expect([office.active, office.reports]).toEqual([false, 1]);
  });

  it('counts each point’s reports and adoptions; the totals and the cockpit’s bars are the sums of the points and match their lists', async () => {
    const p = await ok(info.post('/api/opinions/contact-points', point('大运新城联系点')));
    const before = await ok(info.get('/api/opinions/contact-points'));
    const a = await submittedOpinion(member, { title: '关于完善大运新城公交接驳的建议', contactPointId: p.id } as any);
    await submittedOpinion(member, { title: '关于增设大运新城公共停车场的建议', contactPointId: p.id } as any);
    const draft = await ok(member.post('/api/opinions', { ...sampleOpinion, title: '关于只是草稿不计入的建议', contactPointId: p.id }));
    expect(draft.status).toBe('draft');
    const issue = await newIssue(info);
    await ok(info.post(`/api/opinions/${a.id}/actions/adopt`, { version: a.version, issueId: issue.id }));

    const after = await ok(info.get('/api/opinions/contact-points'));
    const mine = after.items.find((x: any) => x.id === p.id);
    expect([mine.reports, mine.adopted]).toEqual([2, 1]);
    expect(after.reports).toBe(after.items.reduce((s: number, x: any) => s + x.reports, 0));
    expect(after.adopted).toBe(after.items.reduce((s: number, x: any) => s + x.adopted, 0));
    expect(after.reports - before.reports).toBe(2);
    // the demo's reports come through its points too
    expect(before.reports).toBeGreaterThan(0);
    // figures are the information office's and leaders': a member gets none
    expect((await ok(member.get('/api/opinions/contact-points'))).reports).toBe(0);

    const leader = await t.as('leader');
    const cockpit = await ok<Cockpit>(leader.get(`/api/cockpit?year=${year()}`));
    const bars = cockpit.charts.find((c) => c.key === 'opinionsByContactPoint')!;
    const adopted = cockpit.charts.find((c) => c.key === 'opinionsAdoptedByContactPoint')!;
    expect(bars.total).toBe(after.reports);
    expect(adopted.total).toBe(after.adopted);
    const part = bars.parts.find((x) => x.key === p.id)!;
    expect(part.value).toBe(2);
    const [path, query] = adopted.parts.find((x) => x.key === p.id)!.link!.split('?');
    expect(path).toBe('/opinions/queue');
    expect((await ok(leader.get(`/api/opinions?${query}`))).total).toBe(1);
  });
});
