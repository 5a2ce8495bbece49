import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { filedProposal, ok, sampleDraft, unitIdByName } from '../support/proposals.js';

/**
 * 公开门户: the public, without logging in, reads exactly what staff published — the text and the
 * replies marked for disclosure — and nothing else: no draft, no unpublished proposal, no phone number.
 */
describe.each(dbKinds)('public portal on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const publicList = async (query: string) => ok(t.anonymous.get(`/api/portal/proposals?${query}`));

  /** A proposal replied to by 区教育局 and rated satisfied (closed), ready to publish. */
  async function closedProposal(title: string, disclose = true, text: Partial<typeof sampleDraft> = {}) {
    const { p, member, staff } = await filedProposal(t, { ...sampleDraft, ...text, title });
    const edu = await unitIdByName(staff, '区教育局');
    const assigned = await ok(staff.post(`/api/proposals/${p.id}/assign`, { version: p.version, assignments: [{ unitId: edu, role: 'sole' }] }));
    const unit = await t.as('unit');
    const a = assigned.assignments[0];
    await ok(unit.post(`/api/handling/assignments/${a.id}/sign`, { version: a.version }));
    const body = disclose
      ? { disclose: true }
      : { disclose: false, nondisclosureReason: '涉及未公开的规划方案' };
    const draft = await ok(unit.post('/api/handling/replies', { type: 'proposal', subjectId: p.id, answerClass: 'B', body: '我局已将所提建议列入明年工作计划，正会同交警部门分步实施。', contactPerson: '李老师', contactPhone: '0755-28949000', ...body , promise: '年内完成校园周边交通综合治理第一阶段工程', promisedBy: '2099-12-31' }));
    const signed = await ok(unit.post(`/api/handling/replies/${draft.id}/sign`, { version: draft.version, signedBy: '区教育局局长 张某' }));
    await ok(unit.post(`/api/handling/replies/${signed.id}/send`, { version: signed.version }));
    const replied = await ok(member.get(`/api/proposals/${p.id}`));
    const closed = await ok(member.post(`/api/proposals/${p.id}/rate`, { version: replied.version, attitude: 'satisfied', result: 'satisfied' }));
    return { p: closed, staff };
  }

  it('lists the committees, and each committee’s published proposals only', async () => {
    const { items } = await ok(t.anonymous.get('/api/portal/committees'));
    const longgang = items.find((c: any) => c.shortName.includes('龙岗'));
    const futian = items.find((c: any) => c.shortName.includes('福田'));
    expect(longgang.published).toBeGreaterThan(0); // the demo publishes its closed proposals
    const list = await publicList(`committeeId=${longgang.id}&pageSize=50`);
    expect(list.total).toBe(longgang.published);
    for (const item of list.items) {
      const detail = await ok(t.anonymous.get(`/api/portal/proposals/${item.id}`));
      expect(detail.committee.id).toBe(longgang.id);
    }
    expect((await publicList(`committeeId=${futian.id}`)).items.every((i: any) => !list.items.some((l: any) => l.id === i.id))).toBe(true);
  });

  it('shows a proposal once published, with its disclosed reply and no contact details; withdrawn from the portal it is gone', async () => {
    const { p, staff } = await closedProposal('关于在中小学推广课后延时服务的建议');
    expect((await t.anonymous.get(`/api/portal/proposals/${p.id}`)).status).toBe(404);

    const published = await ok(staff.post(`/api/proposals/${p.id}/publish`, { version: p.version, publish: true }));
    const detail = await ok(t.anonymous.get(`/api/portal/proposals/${p.id}`));
    expect(detail).toMatchObject({ title: '关于在中小学推广课后延时服务的建议', numberText: p.numberText, category: sampleDraft.category, suggestions: sampleDraft.suggestions });
    expect(detail.units).toEqual([{ name: '区教育局', roleLabel: expect.any(String) }]);
    expect(detail.replies).toHaveLength(1);
    expect(detail.replies[0]).toMatchObject({ unit: '区教育局', answerClass: 'B', signedBy: '区教育局局长 张某' });
    const raw = JSON.stringify(detail);
    for (const secret of ['0755-28949000', '李老师', 'ratings', 'contacts', 'reviewOpinions']) expect(raw).not.toContain(secret);

    const committeeId = detail.committee.id;
    const found = await publicList(`committeeId=${committeeId}&q=${encodeURIComponent('课后延时')}`);
    expect(found.items.map((i: any) => i.id)).toEqual([p.id]);
    expect(found.items[0]).toMatchObject({ units: ['区教育局'], numberText: p.numberText });
    expect((await publicList(`committeeId=${committeeId}&q=${encodeURIComponent('没有这样的案由')}`)).total).toBe(0);

    await ok(staff.post(`/api/proposals/${p.id}/publish`, { version: published.version, publish: false }));
    expect((await t.anonymous.get(`/api/portal/proposals/${p.id}`)).status).toBe(404);
  });

  it('never publishes a reply marked not for disclosure, and never shows drafts or proposals in review', async () => {
    const { p, staff } = await closedProposal('关于优化学区划分方案的建议', false);
    const refused = await staff.post(`/api/proposals/${p.id}/publish`, { version: p.version, publish: true });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('不公开');
    expect((await t.anonymous.get(`/api/portal/proposals/${p.id}`)).status).toBe(404);

    const member = await t.as('member');
    const draft = await ok(member.post('/api/proposals', { ...sampleDraft, title: '一份草稿不应出现在门户' }));
    expect((await t.anonymous.get(`/api/portal/proposals/${draft.id}`)).status).toBe(404);
  });

  it('searches what was published, jieba-aware, narrowed by kind, year, unit and sector — and never finds what was not', async () => {
    const title = '关于在学校周边建设人行过街天桥的建议';
    const text = { background: '学校门前主干道车流量大，学生上下学横穿马路存在安全隐患。', analysis: '现有斑马线信号配时短，缺少立体过街设施。', suggestions: '一是在学校门前建设人行过街天桥；二是优化信号灯配时；三是高峰时段安排护学岗。' };
    const { p, staff } = await closedProposal(title, true, text);
    const [{ committee_id: committeeId }] = await t.database.query<{ committee_id: string }>('select committee_id from proposals where id = $1', [p.id]);
    const search = (q: string, more = '') => t.anonymous.get(`/api/portal/search?committeeId=${committeeId}&q=${encodeURIComponent(q)}${more}`);
    const ids = async (q: string, more = '') => (await ok(search(q, more))).items.map((i: any) => i.id);
    // the same words in a proposal that was never published: never found
    const member = await t.as('member');
    const hidden = await ok(member.post('/api/proposals', { ...sampleDraft, ...text, title: '关于增设学校门前过街天桥的建议（未公开）' }));

    expect(await ids('过街天桥')).not.toContain(p.id); // not yet published
    const published = await ok(staff.post(`/api/proposals/${p.id}/publish`, { version: p.version, publish: true }));

    // segmented words, not a substring: 天桥 and 学校 in other order and other words still find it
    const found = await ok(search('学校 天桥 过街'));
    expect(found.items[0]).toMatchObject({ id: p.id, kind: 'proposal', kindLabel: '公开提案', title, units: ['区教育局'], href: `/portal/proposals/${p.id}` });
    expect(found.items.map((i: any) => i.id)).not.toContain(hidden.id);
    // each facet counts the found records: the kinds add up to all of them
    expect(found.facets.kinds.reduce((n: number, k: any) => n + k.count, 0)).toBe(found.total);
    expect(found.facets.units).toContainEqual({ value: '区教育局', count: expect.any(Number) });
    // narrowed by what the facets offer, each choice finds what it counts
    for (const [param, facet] of [['unit', 'units'], ['year', 'years'], ['category', 'categories'], ['sector', 'sectors'], ['kind', 'kinds']] as const) {
      for (const f of found.facets[facet].slice(0, 3)) {
        const narrowed = await ok(search('学校 天桥 过街', `&${param}=${encodeURIComponent(f.value)}&pageSize=50`));
        expect(narrowed.total, `${param}=${f.value}`).toBe(f.count);
      }
    }
    expect(await ids('过街天桥', '&unit=' + encodeURIComponent('区民政局'))).not.toContain(p.id);
    // the excerpt shows the text around the words
    expect(found.items[0].excerpt).toContain('天桥');

    // news: a published post is found, a draft never
    const [post] = await t.database.query<{ title: string; id: string }>(`select id, title from news_posts where committee_id = $1 and status = 'published' order by published_at desc limit 1`, [committeeId]);
    const news = await ok(search(post.title, '&kind=news'));
    expect(news.items.map((i: any) => i.id)).toContain(post.id);
    const drafts = await t.database.query<{ id: string }>(`select id from news_posts where status <> 'published'`);
    const anything = await ok(search('政协 委员 协商 提案 建议', '&pageSize=50'));
    expect(anything.items.map((i: any) => i.id).filter((id: string) => drafts.some((d) => d.id === id))).toEqual([]);

    // taken off the portal, it is gone from the search too
    await ok(staff.post(`/api/proposals/${p.id}/publish`, { version: published.version, publish: false }));
    expect(await ids('过街天桥')).not.toContain(p.id);

    // bad input: the field named in Chinese
    const empty = await search('');
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('搜索内容');
  });

  it('answers bad input with a Chinese message naming the field', async () => {
    const missing = await t.anonymous.get('/api/portal/proposals');
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('政协');
    const bad = await t.anonymous.get('/api/portal/proposals/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('提案');
  });

  it('the home gathers each module’s published work in order — and nothing unpublished, personal or internal', async () => {
    const { items } = await ok(t.anonymous.get('/api/portal/committees'));
    const longgang = items.find((c: any) => c.shortName.includes('龙岗'));
    const home = await ok(t.anonymous.get(`/api/portal/home?committeeId=${longgang.id}`));
    expect(home.committee).toEqual({ id: longgang.id, name: longgang.name });
    expect(home.sections.map((s: any) => s.key)).toEqual(['proposals', 'proposalTopics', 'excellentProposals', 'notice', 'news', 'consultation', 'requests', 'evaluation', 'studios']);
    const section = (key: string) => home.sections.find((s: any) => s.key === key);
    const rows = (query: string, ...params: unknown[]) => t.database.query<any>(query, params);

    // proposals: the latest published, each opening on the portal; the link to all counts them all
    const proposals = section('proposals');
    expect(proposals.items.length).toBe(Math.min(6, longgang.published));
    for (const e of proposals.items) expect((await t.anonymous.get(`/api/portal${e.href.replace('/portal', '')}`)).status).toBe(200);
    if (longgang.published > 6) expect(proposals.more.label).toBe(`全部${longgang.published}件公开提案`);

    // 提案参考选题: the latest year's published list in its order, titles and categories only
    const [latest] = await rows(`select max(year) as year from proposal_topics where committee_id = $1 and status = 'published'`, longgang.id);
    const proposalTopics = await rows(`select serial, title, category from proposal_topics where committee_id = $1 and status = 'published' and year = $2 order by serial`, longgang.id, latest.year);
    expect(proposalTopics.length).toBeGreaterThan(20);
    expect(section('proposalTopics').title).toBe(`${latest.year}年度提案参考选题`);
    expect(section('proposalTopics').items).toEqual(proposalTopics.map((x) => ({ title: `${x.serial}. ${x.title}`, meta: [x.category], href: null })));

    // 通知公告 and 新闻动态: the latest five published of each, never a draft or a withdrawn one
    const newsIds: string[] = [];
    for (const kind of ['notice', 'news']) {
      const posts = await rows(`select id, title from news_posts where committee_id = $1 and kind = $2 and status = 'published' order by published_at desc limit 5`, longgang.id, kind);
      expect(posts.length).toBeGreaterThan(0);
      expect(section(kind).items.map((e: any) => [e.title, e.href])).toEqual(posts.map((p) => [p.title, `/portal/news/${p.id}`]));
      newsIds.push(...posts.map((p) => p.id));
    }

    // consultation: exactly the topics of the latest approved plan
    const [plan] = await rows(`select id, year from consultation_plans where committee_id = $1 and status = 'approved' order by year desc limit 1`, longgang.id);
    const topics = await rows(`select title from consultations where plan_id = $1`, plan.id);
    expect(section('consultation').title).toBe(`${plan.year}年度协商计划`);
    expect(section('consultation').items.map((e: any) => e.title).sort()).toEqual(topics.map((x) => x.title).sort());

    // requests: only finished ones staff published
    const published = await rows(`select body from livelihood_requests where committee_id = $1 and published_at is not null and status = 'done'`, longgang.id);
    expect(section('requests').items.length).toBe(Math.min(6, published.length));

    // evaluation: a department list only for a campaign whose results were published
    const campaigns = await rows(`select title from evaluation_campaigns where committee_id = $1 and published_on is not null order by published_on desc`, longgang.id);
    if (campaigns.length) expect(section('evaluation').title).toBe(`民主评议结果：${campaigns[0].title}`);
    else expect(section('evaluation').items).toEqual([]);

    // studios: the active ones, each opening its public page
    const studios = await rows(`select id, name from studios where committee_id = $1 and active`, longgang.id);
    expect(section('studios').items.map((e: any) => [e.title, e.href]).sort()).toEqual(studios.map((x) => [x.name, `/portal/studios/${x.id}`]).sort());

    // nothing personal or internal: no sender's name or phone, no id but the committee's and published proposals'
    const text = JSON.stringify(home);
    for (const r of await rows(`select sender_name, sender_phone from livelihood_requests where committee_id = $1`, longgang.id)) {
      if (r.sender_phone) expect(text).not.toContain(r.sender_phone);
      if (r.sender_name) expect(text).not.toContain(`"${r.sender_name}"`);
    }
    // a published proposal's id is public (its page is): the 优秀提案 section links some beyond the latest six; so is an open studio's
    const publishedIds = (await rows(`select id from proposals where committee_id = $1 and published_at is not null`, longgang.id)).map((p) => p.id);
    const allowed = new Set([longgang.id, ...publishedIds, ...newsIds, ...studios.map((x) => x.id)]);
    for (const id of text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []) expect(allowed.has(id), id).toBe(true);

    const bad = await t.anonymous.get('/api/portal/home?committeeId=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('政协');
    const unknown = await t.anonymous.get('/api/portal/home?committeeId=00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('政协');
  });
});
