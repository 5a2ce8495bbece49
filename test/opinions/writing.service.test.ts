import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { newIssue, sampleOpinion, submittedOpinion } from '../support/opinions.js';
import { PNG, upload } from '../support/upload.js';

const lift = {
  title: '关于加快老旧小区加装电梯的建议',
  body: '我区老旧小区多为六层以下无电梯住宅，老年居民上下楼困难。加装电梯存在低层住户意见不一、审批流程复杂、资金分摊难等问题。建议简化加装电梯审批流程，建立加装电梯资金补贴和协商议事机制。',
  category: '城乡建设',
};
const lift2 = {
  title: '关于破解既有住宅加装电梯协商难题的建议',
  body: '既有住宅加装电梯中低层住户反对、资金分摊协商难，很多小区加装电梯工作停滞。建议街道社区搭建加装电梯协商平台，明确资金分摊指引，对加装电梯给予财政补贴。',
  category: '城乡建设',
};
const canteen = {
  title: '关于在社区建设长者饭堂的建议',
  body: '我区独居和高龄老人日益增多，老人做饭难、吃饭难问题突出。建议在社区建设长者饭堂，引入社会力量运营长者饭堂，对困难老人给予就餐补贴。',
  category: '卫生健康',
};

describe.each(dbKinds)('writing reports on %s: similar earlier reports and attachments', (kind) => {
  let t: TestApp;
  const clients = new Map<string, Promise<Client>>();
  // one login per account for the whole file: logins are rate-limited per address
  const as = (username: string) => {
    if (!clients.has(username)) clients.set(username, t.as(username));
    return clients.get(username)!;
  };
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());
  const similar = async (who: string, text: string, extra = '') => ok((await as(who)).get(`/api/opinions/similar?text=${encodeURIComponent(text)}&limit=10${extra}`));
  const ids = (rows: any[]) => rows.map((r) => r.id);

  it('shows writers the adopted and their own earlier reports; the office and leaders all; nobody another committee’s', async () => {
    const info = await as('info');
    // member2's report is adopted; member3's waits; member writes about the same problem
    let adopted = await submittedOpinion(await as('member2'), lift);
    adopted = await ok(info.post(`/api/opinions/${adopted.id}/actions/adopt`, { version: adopted.version, issueId: (await newIssue(info)).id }));
    const waiting = await submittedOpinion(await as('member3'), lift2);
    const text = '老旧小区加装电梯资金分摊和协商难';

    const forMember = await similar('member', text);
    expect(ids(forMember)).toContain(adopted.id);
    expect(ids(forMember)).not.toContain(waiting.id);
    const row = forMember.find((r: any) => r.id === adopted.id);
    expect(row).toMatchObject({ title: lift.title, status: 'adopted', statusLabel: '已采用', issueTitle: expect.stringMatching(/年第\d+期$/), readable: false });
    expect(row.score).toBeGreaterThan(0);
    expect(row.score).toBeLessThanOrEqual(1);
    // a report sharing only a common word is noise to a writer: left out
    expect(forMember.every((r: any) => r.score >= 0.05)).toBe(true);

    // the author sees their own waiting report, and may open it
    expect((await similar('member3', text)).find((r: any) => r.id === waiting.id)).toMatchObject({ readable: true, statusLabel: '待处理' });
    for (const who of ['info', 'leader']) expect(ids(await similar(who, text))).toEqual(expect.arrayContaining([adopted.id, waiting.id]));
    // the best match first: the report on the same problem
    expect(ids(await similar('info', lift2.title + lift2.body, `&exclude=${waiting.id}`))[0]).toBe(adopted.id);
    expect(ids(await similar('info', text, `&exclude=${waiting.id}`))).not.toContain(waiting.id);

    for (const who of ['ft_member', 'ft_info', 'city_info']) expect(ids(await similar(who, text))).not.toEqual(expect.arrayContaining([adopted.id]));
    expect((await (await as('unit')).get(`/api/opinions/similar?text=${encodeURIComponent(text)}`)).status).toBe(403);
    const short = await (await as('member')).get('/api/opinions/similar?text=a');
    expect(short.status).toBe(400);
    expect(short.body.message).toContain('标题或正文');
  });

  it('scores on the proposals’ calibrated scale: the report on the same problem high, reports on other problems low or left out', async () => {
    const bikes = {
      title: '关于规范共享单车停放管理的建议',
      body: '地铁站和公交站周边共享单车乱停乱放，占用盲道和人行道，影响市民出行。建议划定共享单车停放区，督促运营企业加强调度和清理，将乱停放行为纳入信用管理。',
      category: '城乡建设',
    };
    const same = await submittedOpinion(await as('member2'), lift);
    const others = [await submittedOpinion(await as('member3'), canteen), await submittedOpinion(await as('member3'), bikes)];
    const hits = await similar('info', lift2.title + lift2.body);
    expect(hits.find((h: any) => h.id === same.id)?.score).toBeGreaterThan(0.5);
    for (const o of others) expect(hits.find((h: any) => h.id === o.id)?.score ?? 0, o.title).toBeLessThan(0.2);
    // nor does any of the demo's real reports on other problems read as the same issue
    expect(hits.filter((h: any) => h.score >= 0.5 && !h.title.includes('电梯')).map((h: any) => `${h.title} ${h.score}`)).toEqual([]);
    expect(hits.map((h: any) => h.rank)).toEqual(hits.map((_: any, i: number) => i + 1));
  });

  it('follows edits, withdrawals and combining', async () => {
    const info = await as('info');
    const member = await as('member');
    let o = await submittedOpinion(member, canteen);
    expect(ids(await similar('info', '社区长者饭堂就餐补贴'))).toContain(o.id);
    o = await ok(info.post(`/api/opinions/${o.id}/edit`, { version: o.version, title: '关于建设社区老年助餐点的建议', body: canteen.body.replaceAll('长者饭堂', '老年助餐点'), note: '统一用语' }));
    expect(ids(await similar('info', '长者饭堂'))).not.toContain(o.id);
    expect(ids(await similar('info', '社区老年助餐点就餐补贴'))).toContain(o.id);

    const draft = await ok(member.post('/api/opinions', { ...canteen, title: '关于推广社区长者食堂的建议' }));
    expect(ids(await similar('member', '社区长者食堂'))).not.toContain(draft.id);
    const sent = await ok(member.post(`/api/opinions/${draft.id}/actions/submit`, { version: draft.version }));
    expect(ids(await similar('member', '社区长者食堂'))).toContain(sent.id);
    await ok(member.post(`/api/opinions/${sent.id}/actions/withdraw`, { version: sent.version }));
    expect(ids(await similar('member', '社区长者食堂'))).not.toContain(sent.id);

    const a = await submittedOpinion(await as('member2'), { ...sampleOpinion, title: '关于治理校门口接送车辆乱停放的建议' });
    const b = await submittedOpinion(await as('member3'), { ...sampleOpinion, title: '关于缓解学校门口接送拥堵的建议' });
    const combined = await ok(info.post('/api/opinions/combine', {
      ids: [a.id, b.id], versions: { [a.id]: a.version, [b.id]: b.version }, title: '关于综合治理学校门口接送拥堵的建议', body: sampleOpinion.body, category: '城乡建设',
    }));
    const found = ids(await similar('info', '学校门口接送拥堵'));
    expect(found).toContain(combined.id);
    expect(found).not.toContain(a.id);
    expect(found).not.toContain(b.id);
  });

  it('the office enters a party’s report in its name; the body must be named; a member may not write for a body', async () => {
    const info = await as('info');
    const missing = await info.post('/api/opinions', { ...sampleOpinion, authorType: 'party' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('报送单位');
    expect((await (await as('member')).post('/api/opinions', { ...sampleOpinion, authorType: 'party', authorBody: '民盟区委' })).status).toBe(400);
    const o = await submittedOpinion(info, { ...sampleOpinion, title: '关于规范社区团购冷链配送的建议', authorType: 'party', authorBody: '民进区委' } as any);
    expect(o).toMatchObject({ authorType: 'party', authorTypeLabel: '党派团体', authorText: '民进区委', status: 'submitted' });
    expect(ids(await similar('info', '社区团购冷链配送'))).toContain(o.id);
  });

  it('attachments: the author adds files to a draft, readers download them, nothing after submission', async () => {
    const member = await as('member');
    const draft = await ok(member.post('/api/opinions', sampleOpinion));
    const send = async (c: Client, name: string, content: Buffer) => c.request({ method: 'POST', url: `/api/opinions/${draft.id}/attachments`, ...upload(name, content) });

    const added = await ok(send(member, '现场照片.png', PNG));
    expect(added.attachments).toEqual([expect.objectContaining({ filename: '现场照片.png', size: PNG.length })]);
    expect(added.version).toBe(draft.version);
    const bad = await send(member, '脚本.exe', PNG);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('附件');
    expect((await send(member, '空.pdf', Buffer.alloc(0))).status).toBe(400);
    expect((await send(member, '大.pdf', Buffer.alloc(10 * 1024 * 1024 + 1))).status).toBe(400);
    expect((await send(await as('member2'), '别人的.png', PNG)).status).toBe(404);
    for (let i = 2; i <= 5; i++) await ok(send(member, `附件${i}.txt`, Buffer.from(`第${i}份材料`)));
    const sixth = await send(member, '附件6.txt', Buffer.from('多余'));
    expect(sixth.status).toBe(400);
    expect(sixth.body.message).toContain('最多5个');

    let o = await ok(member.get(`/api/opinions/${draft.id}`));
    const extra = o.attachments.find((f: any) => f.filename === '附件5.txt');
    o = await ok(member.post(`/api/opinions/${draft.id}/attachments/${extra.id}/remove`));
    expect(o.attachments.map((f: any) => f.filename)).not.toContain('附件5.txt');
    expect(o.history.map((h: any) => h.actionLabel)).toEqual(expect.arrayContaining(['上传附件', '删除附件']));

    o = await ok(member.post(`/api/opinions/${draft.id}/actions/submit`, { version: o.version }));
    expect((await send(member, '迟到的.png', PNG)).status).toBe(403);
    expect((await member.post(`/api/opinions/${draft.id}/attachments/${o.attachments[0].id}/remove`)).status).toBe(403);

    const photo = o.attachments.find((f: any) => f.filename === '现场照片.png');
    const file = await t.app.inject({ method: 'GET', url: `/api/opinions/${draft.id}/attachments/${photo.id}`, headers: { cookie: (await as('info')).cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent('现场照片.png'));
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect((await (await as('member2')).get(`/api/opinions/${draft.id}/attachments/${photo.id}`)).status).toBe(404);
    expect((await (await as('ft_info')).get(`/api/opinions/${draft.id}/attachments/${photo.id}`)).status).toBe(404);
    expect((await (await as('info')).get(`/api/opinions/${draft.id}/attachments/${extra.id}`)).status).toBe(404);
  });
});
