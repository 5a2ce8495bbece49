import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { upload } from '../support/upload.js';
import { movableClock } from '../foundation/support.js';

/**
 * 新闻动态 / 通知公告: the general office drafts, attaches, publishes and withdraws; the public reads
 * only what is published — a draft or a withdrawn post answers exactly as a made-up id.
 */
describe.each(dbKinds)('news and notices on %s', (kind) => {
  let t: TestApp;
  let office: Client;
  let committeeId: string;
  const GHOST = '00000000-0000-4000-8000-000000000000';
  const notice = { kind: 'notice', title: '关于召开区政协七届五次会议的通知', summary: '会议定于2027年1月10日召开。', body: '各位委员：\n\n经区政协常委会议研究，决定于2027年1月10日召开区政协七届五次会议。\n\n请各位委员按时报到。' };
  beforeAll(async () => {
    t = await startTestApp(kind);
    office = await t.as('office');
    committeeId = (await ok(office.get('/api/auth/me'))).user.committee.id;
  });
  afterAll(() => t.close());

  it('a draft is the office’s until published; then the portal lists it, shows it in full and serves its file', async () => {
    const draft = await ok(office.post('/api/news', notice));
    expect([draft.status, draft.actions]).toEqual(['draft', ['read', 'update', 'publish']]);
    const withFile = await ok(office.request({ method: 'POST', url: `/api/news/${draft.id}/attachments`, ...upload('报到回执.docx', Buffer.from('回执', 'utf8')) }));
    expect(withFile.attachments.map((a: any) => a.filename)).toEqual(['报到回执.docx']);
    // not yet public: the portal answers as for an id that never existed
    const hidden = await t.anonymous.get(`/api/portal/news/${draft.id}`);
    const ghost = await t.anonymous.get(`/api/portal/news/${GHOST}`);
    expect([hidden.status, hidden.body]).toEqual([ghost.status, ghost.body]);
    expect((await ok(t.anonymous.get(`/api/portal/news?committeeId=${committeeId}`))).items.map((p: any) => p.id)).not.toContain(draft.id);

    // published at the app's clock (a test moves it), not the machine's
    const clock = movableClock(t, new Date(Date.now() + 60_000));
    const published = await ok(office.post(`/api/news/${draft.id}/publish`, { version: withFile.version }));
    t.app.services.now = () => new Date();
    expect(published.publishedAt).toBe(clock.now().toISOString());
    expect([published.status, published.publishedByName, published.actions]).toEqual(['published', '办公室 黄海', ['read', 'update', 'withdraw']]);
    const list = await ok(t.anonymous.get(`/api/portal/news?committeeId=${committeeId}&kind=notice`));
    expect(list.items[0]).toMatchObject({ id: draft.id, title: notice.title, kindLabel: '通知公告', summary: notice.summary });
    const full = await ok(t.anonymous.get(`/api/portal/news/${draft.id}`));
    expect(full).toMatchObject({ body: notice.body, committee: { id: committeeId } });
    expect(JSON.stringify(full)).not.toMatch(/黄海|version|createdBy/); // no person's name, nothing internal
    const file = await t.anonymous.get(`/api/portal/news/${draft.id}/attachments/${full.attachments[0].id}`);
    expect([file.status, file.raw, file.headers['content-security-policy']]).toEqual([200, '回执', "sandbox; default-src 'none'; frame-ancestors 'none'"]);
    // on the home page, under 通知公告, linking to the full text
    const home = await ok(t.anonymous.get(`/api/portal/home?committeeId=${committeeId}`));
    expect(home.sections.find((s: any) => s.key === 'notice').items[0]).toEqual({ title: notice.title, meta: [expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)], href: `/portal/news/${draft.id}` });

    // 撤回: off the portal at once, its file too
    const withdrawn = await ok(office.post(`/api/news/${draft.id}/withdraw`, { version: published.version }));
    expect(withdrawn.status).toBe('withdrawn');
    expect((await t.anonymous.get(`/api/portal/news/${draft.id}`)).status).toBe(404);
    expect((await t.anonymous.get(`/api/portal/news/${draft.id}/attachments/${full.attachments[0].id}`)).status).toBe(404);
    const trail = (await ok((await t.as('auditor')).get(`/api/audit?q=${encodeURIComponent(notice.title)}`))).items.map((a: any) => a.actionLabel);
    expect(trail).toEqual(expect.arrayContaining(['新闻公告·新建', '新闻公告·上传附件', '新闻公告·发布', '新闻公告·撤回']));
  });

  it('only the general office and admins write; leaders read; members and other offices are not shown it', async () => {
    const leader = await t.as('leader');
    expect((await ok(leader.get('/api/news'))).actions).toEqual(['read']);
    expect((await leader.post('/api/news', notice)).status).toBe(403);
    for (const who of ['member', 'staff', 'unit']) {
      const c = await t.as(who);
      expect([who, (await c.get('/api/news')).status]).toEqual([who, 404]);
      expect([who, (await c.post('/api/news', notice)).status]).toEqual([who, 404]);
    }
    // another committee's office never reaches this committee's post
    const post = await ok(office.post('/api/news', { ...notice, kind: 'news', title: '区政协开展委员活动日' }));
    const other = await t.as('ft_office');
    expect((await other.get(`/api/news/${post.id}`)).status).toBe(404);
    expect((await other.patch(`/api/news/${post.id}`, { version: post.version, title: '跨区修改新闻' })).status).toBe(404);
  });

  it('names the bad field in Chinese, keeps nothing, and refuses a stale edit', async () => {
    const bad = await office.post('/api/news', { kind: 'blog', title: '短', body: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: any) => f.label).sort()).toEqual(['栏目', '标题', '正文'].sort());
    const post = await ok(office.post('/api/news', { ...notice, title: '关于征集2027年度协商议题的通知' }));
    await ok(office.patch(`/api/news/${post.id}`, { version: post.version, summary: '征集截止12月31日。' }));
    const stale = await office.patch(`/api/news/${post.id}`, { version: post.version, summary: '旧的摘要' });
    expect(stale.status).toBe(409);
    expect((await ok(office.get(`/api/news/${post.id}`))).summary).toBe('征集截止12月31日。');
  });
});
