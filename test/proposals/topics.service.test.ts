import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok, sampleDraft, unitIdByName } from '../support/proposals.js';
import type { Cockpit } from '../../src/shared/cockpit/cockpit.js';

/**
 * 提案参考选题: the proposal office drafts the year's topics and publishes the list; members see the
 * published ones (closest to their text first) and cite one; lists, the cockpit and the yearly
 * report count how many proposals each drew and how many topics were taken up.
 */
describe.each(dbKinds)('reference topics for proposals on %s', (kind) => {
  let t: TestApp;
  let staff: Client;
  let member: Client;
  let year: number;
  const GHOST = '00000000-0000-4000-8000-000000000000';
  const topic = (title: string, category = '资源环境', explanation = '研究分类投放、收运和处理的衔接。') => ({ year, title, explanation, category });
  beforeAll(async () => {
    t = await startTestApp(kind);
    staff = await t.as('staff');
    member = await t.as('member');
    year = (await ok(staff.get('/api/proposals/topics'))).year;
  });
  afterAll(() => t.close());

  it('drafts are the office’s, numbered in the year; publishing the list shows them to members, closest to their text first', async () => {
    const before = await ok(staff.get(`/api/proposals/topics?year=${year}`));
    const edu = await unitIdByName(staff, '区教育局');
    const a = await ok(staff.post('/api/proposals/topics', { ...topic('推进厨余垃圾就地资源化处理'), unitId: null }));
    const b = await ok(staff.post('/api/proposals/topics', { ...topic('规范校外培训机构管理', '教育事业', '关注预付费监管和培训安全。'), unitId: edu }));
    expect([a.serial, b.serial]).toEqual([before.items.length + 1, before.items.length + 2]);
    expect([a.status, a.actions, b.unitName]).toEqual(['draft', ['update', 'publish'], '区教育局']);
    // a draft is not shown to members: neither listed nor found
    expect((await ok(member.get('/api/proposals/topics/published'))).items.map((x: any) => x.id)).not.toContain(a.id);
    expect((await member.get(`/api/proposals/topics/${a.id}`)).status).toBe(404);
    // only the office manages the list
    expect((await member.get('/api/proposals/topics')).status).toBe(403);
    expect((await member.post('/api/proposals/topics', topic('委员不能拟定选题'))).status).toBe(403);
    expect((await (await t.as('info')).post(`/api/proposals/topics/${a.id}/publish`, { version: a.version })).status).toBe(404);

    const done = await ok(staff.post('/api/proposals/topics/publish', { year }));
    expect(done.published).toBe(2);
    expect(done.list.items.filter((x: any) => x.status === 'draft')).toEqual([]);
    // nothing left to publish: refused with why
    const again = await staff.post('/api/proposals/topics/publish', { year });
    expect([again.status, again.body.message]).toEqual([409, `${year}年度没有待发布的参考选题`]);

    const ranked = await ok(member.get(`/api/proposals/topics/published?text=${encodeURIComponent('厨余垃圾就地处理设施不足，建议推广就地资源化')}`));
    expect(ranked.items[0]).toMatchObject({ id: a.id, title: '推进厨余垃圾就地资源化处理', category: '资源环境' });
    expect(ranked.items[0].score).toBeGreaterThan(0);
    // without text: the list's order, no score
    const plain = await ok(member.get('/api/proposals/topics/published'));
    expect(plain.items.map((x: any) => x.serial)).toEqual([...plain.items.map((x: any) => x.serial)].sort((x: number, y: number) => x - y));
    expect(plain.items.every((x: any) => x.score === null)).toBe(true);
  });

  it('a proposal cites one published topic of its year and committee; anything else is refused naming the field', async () => {
    const [published] = (await ok(member.get('/api/proposals/topics/published'))).items;
    const draft = await ok(staff.post('/api/proposals/topics', topic('尚未发布的选题草稿')));
    const foreignStaff = await t.as('ft_staff');
    const foreign = await ok(foreignStaff.post('/api/proposals/topics', { ...topic('外区的参考选题'), year: (await ok(foreignStaff.get('/api/proposals/topics'))).year }));
    const nextYear = await ok(staff.post('/api/proposals/topics', { ...topic('明年的参考选题'), year: year + 1 }));
    await ok(staff.post(`/api/proposals/topics/${nextYear.id}/publish`, { version: nextYear.version }));
    for (const [topicId, message] of [[draft.id, '已发布'], [foreign.id, '不存在'], [GHOST, '不存在'], [nextYear.id, `${year}年度`]] as const) {
      const res = await member.post('/api/proposals', { ...sampleDraft, topicId });
      expect(res.status, topicId).toBe(400);
      expect(res.body.message).toContain('参考选题');
      expect(res.body.message).toContain(message);
    }
    const p = await ok(member.post('/api/proposals', { ...sampleDraft, topicId: published.id }));
    expect([p.topicId, p.topicTitle]).toEqual([published.id, published.title]);

    // withdrawn after it was cited: the citation stays, saving the draft again still works, citing it anew does not
    const row = await ok(staff.get(`/api/proposals/topics/${published.id}`));
    const withdrawn = await ok(staff.post(`/api/proposals/topics/${published.id}/withdraw`, { version: row.version }));
    expect([withdrawn.status, withdrawn.actions]).toEqual(['withdrawn', ['update', 'publish']]);
    expect((await ok(member.get('/api/proposals/topics/published'))).items.map((x: any) => x.id)).not.toContain(published.id);
    const kept = await ok(member.patch(`/api/proposals/${p.id}`, { version: p.version, title: '关于加强校园周边交通秩序管理的建议', topicId: published.id }));
    expect(kept.topicId).toBe(published.id);
    expect((await member.post('/api/proposals', { ...sampleDraft, topicId: published.id })).status).toBe(400);
    const cleared = await ok(member.patch(`/api/proposals/${p.id}`, { version: kept.version, topicId: null }));
    expect(cleared.topicId).toBeNull();
    // published again (the first date kept); a stale version is a conflict
    const back = await ok(staff.post(`/api/proposals/topics/${published.id}/publish`, { version: withdrawn.version }));
    expect(back.publishedAt).toBe(row.publishedAt);
    expect((await staff.patch(`/api/proposals/topics/${published.id}`, { version: withdrawn.version, title: '过期的版本' })).status).toBe(409);
    // a category outside the year's list is refused naming the field
    const bad = await staff.patch(`/api/proposals/topics/${published.id}`, { version: back.version, category: '不存在的类别' });
    expect([bad.status, bad.body.message]).toEqual([400, expect.stringContaining('类别')]);
  });

  it('counts the proposals citing each topic — on the office’s list, the topic’s page, the filtered proposal list, the cockpit and the yearly report', async () => {
    const [first, second] = (await ok(member.get('/api/proposals/topics/published'))).items;
    const cite = async (topicId: string, title: string, submit = true) => {
      const p = await ok(member.post('/api/proposals', { ...sampleDraft, title, topicId }));
      return submit ? ok(member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version })) : p;
    };
    const before = await ok(staff.get(`/api/proposals/topics?year=${year}`));
    // the demo's members cite several of the demo's topics
    expect(before.taken).toBeGreaterThanOrEqual(4);
    const count = (list: any, id: string) => list.items.find((x: any) => x.id === id).cited;
    await cite(first.id, '关于完善社区养老服务设施的建议');
    await cite(first.id, '关于加强社区嵌入式养老的建议');
    await cite(second.id, '关于推进长者食堂建设的建议');
    await cite(second.id, '关于只是草稿不计入的建议', false);
    const after = await ok(staff.get(`/api/proposals/topics?year=${year}`));
    expect(count(after, first.id) - count(before, first.id)).toBe(2);
    expect(count(after, second.id) - count(before, second.id)).toBe(1);
    expect(after.taken).toBe(after.items.filter((x: any) => x.status === 'published' && x.cited > 0).length);
    expect(after.published).toBe(after.items.filter((x: any) => x.status === 'published').length);

    const page = await ok(staff.get(`/api/proposals/topics/${first.id}`));
    expect(page.proposals.length).toBe(count(after, first.id));
    const list = await ok((await t.as('leader')).get(`/api/proposals?scope=all&session=all&year=${year}&historical=0&topicId=${first.id}&pageSize=200`));
    expect(list.total).toBe(count(after, first.id));
    expect(list.items.every((p: any) => p.topicId === first.id && p.topicTitle === first.title)).toBe(true);

    // the cockpit: taken + untaken = published; each bar is the proposals its list shows
    const cockpit = await ok<Cockpit>((await t.as('leader')).get(`/api/cockpit?year=${year}`));
    const uptake = cockpit.charts.find((c) => c.key === 'proposalTopicUptake')!;
    expect(uptake.parts.map((p) => p.value)).toEqual([after.taken, after.published - after.taken]);
    expect(uptake.total).toBe(after.published);
    const bars = cockpit.charts.find((c) => c.key === 'proposalsByTopic')!;
    expect(bars.parts.find((p) => p.key === first.id)!.value).toBe(count(after, first.id));
    expect(bars.total).toBe(after.items.filter((x: any) => x.status === 'published').reduce((s: number, x: any) => s + x.cited, 0));

    // the yearly report's figures and sentence
    const report = await ok((await t.as('office')).get(`/api/summary?year=${year}`));
    const section = report.sections.find((s: any) => s.key === 'proposals');
    const figure = (key: string) => section.figures.find((f: any) => f.key === key).value;
    expect([figure('topics'), figure('topicsTaken')]).toEqual([after.published, after.taken]);
    expect(section.text).toContain(`发布提案参考选题${after.published}个，其中${after.taken}个有提案选用`);
  });

  it('the portal lists the latest year’s published topics in order, and nothing of a draft', async () => {
    const committeeId = (await ok(staff.get('/api/auth/me'))).user.committee.id;
    const home = await ok(t.anonymous.get(`/api/portal/home?committeeId=${committeeId}`));
    const section = home.sections.find((s: any) => s.key === 'proposalTopics');
    // the test published a topic of next year: the latest year's list is the one shown
    const rows = await t.database.query<any>(`select serial, title, category from proposal_topics where committee_id = $1 and status = 'published' and year = (select max(year) from proposal_topics where committee_id = $1 and status = 'published') order by serial`, [committeeId]);
    expect(section.title).toBe(`${year + 1}年度提案参考选题`);
    expect(section.items).toEqual(rows.map((r) => ({ title: `${r.serial}. ${r.title}`, meta: [r.category], href: null })));
    expect(JSON.stringify(section)).not.toContain('尚未发布的选题草稿');
  });
});
