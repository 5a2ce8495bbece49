import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { memberIdOf, ok, unitIdByName } from '../support/proposals.js';
import { newIssue, sampleOpinion, submittedOpinion } from '../support/opinions.js';
import { verifyAuditChain } from '../../src/server/platform/audit/audit.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { attachments } from '../../src/server/platform/attachments/schema.js';
import { movableClock } from '../foundation/support.js';

describe.each(dbKinds)('public-opinion reports on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    // one login per account for the whole file: logins are rate-limited per address
    const clients = new Map<string, ReturnType<TestApp['as']>>();
    const login = t.as.bind(t);
    t.as = (username: string) => {
      if (!clients.has(username)) clients.set(username, login(username));
      return clients.get(username)!;
    };
  });
  afterAll(() => t.close());
  const credits = async (sourceId: string) =>
    (await t.database.db.select().from(ledgerEntries).where(eq(ledgerEntries.sourceId, sourceId))).map((e) => `${e.kind}${e.note ? ':' + e.note : ''}`).sort();

  it('member-submits-report: the configured length is enforced, the office sees it, other members do not', async () => {
    const member = await t.as('member');
    const info = await t.as('info');
    const options = await ok(member.get('/api/opinions/options'));
    expect(options.maxLength).toBe(1500);
    const tooLong = await member.post('/api/opinions', { ...sampleOpinion, body: '字'.repeat(1501) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toContain('正文');
    // submitted at the app's clock (a test moves it), not the machine's
    const clock = movableClock(t, new Date(Date.now() + 60_000));
    const o = await submittedOpinion(member);
    t.app.services.now = () => new Date();
    expect(o.submittedAt).toBe(clock.now().toISOString());
    expect(o).toMatchObject({ status: 'submitted', authorText: expect.any(String), actions: expect.arrayContaining(['withdraw']) });
    const queue = await ok(info.get('/api/opinions?scope=queue'));
    expect(queue.items.find((x: any) => x.id === o.id).actions).toEqual(expect.arrayContaining(['adopt', 'decline', 'edit', 'sendUp']));
    expect((await (await t.as('member2')).get(`/api/opinions/${o.id}`)).status).toBe(404);
    expect((await (await t.as('staff')).get(`/api/opinions/${o.id}`)).status).toBe(404);
    expect(await credits(o.id)).toEqual(['opinion.submitted']);
  });

  it('staff-edits-and-adopts-into-issue: revisions keep the original; approve, sign, publish as .docx', async () => {
    const member = await t.as('member');
    const info = await t.as('info');
    let o = await submittedOpinion(member, { title: '关于小区周边烂尾楼安全隐患的建议' });
    o = await ok(info.post(`/api/opinions/${o.id}/edit`, { version: o.version, title: '关于尽快处置烂尾楼安全隐患的建议', body: sampleOpinion.body + '（编辑补充：涉及行人安全，建议优先处置。）', note: '调整标题' }));
    expect(o.revisions.map((r: any) => r.title)).toEqual(['关于小区周边烂尾楼安全隐患的建议', '关于尽快处置烂尾楼安全隐患的建议']);
    const stale = await info.post(`/api/opinions/${o.id}/edit`, { version: o.version - 1, title: '另一个标题的建议', body: sampleOpinion.body });
    expect(stale.status).toBe(409);

    let issue = await newIssue(info);
    expect(issue.title).toMatch(/^\d{4}年第\d+期$/);
    o = await ok(info.post(`/api/opinions/${o.id}/actions/adopt`, { version: o.version, issueId: issue.id }));
    expect(o.status).toBe('adopted');
    expect(o.adoptions).toEqual([expect.objectContaining({ level: 'district', mode: 'alone', adoptedBy: expect.stringContaining(issue.title) })]);
    expect(await credits(o.id)).toEqual(['opinion.adopted:district', 'opinion.submitted']);

    issue = await ok(info.get(`/api/opinions/issues/${issue.id}`));
    expect(issue.items.map((i: any) => i.id)).toEqual([o.id]);
    issue = await ok(info.post(`/api/opinions/issues/${issue.id}/actions/approve`, { version: issue.version }));
    // an approved issue's reports are no longer edited
    const frozen = await ok(info.get(`/api/opinions/${o.id}`));
    expect(frozen.actions).not.toContain('edit');
    const leader = await t.as('leader');
    issue = await ok(leader.post(`/api/opinions/issues/${issue.id}/actions/sign`, { version: issue.version }));
    expect(issue.status).toBe('signed');
    issue = await ok(info.post(`/api/opinions/issues/${issue.id}/actions/publish`, { version: issue.version }));
    expect(issue.status).toBe('published');
    const file = await info.get(`/api/opinions/issues/${issue.id}/document`);
    expect(file.status).toBe(200);
    expect(String(file.headers['content-type'])).toContain('wordprocessingml');
    expect(file.raw.slice(0, 2)).toBe('PK');
    const after = await ok(member.get(`/api/opinions/${o.id}`));
    expect(after.sends.map((s: any) => s.targetName)).toEqual(['区委', '区政府']);
    expect(after.revisions[0].title).toBe('关于小区周边烂尾楼安全隐患的建议');
  });

  it('send up (上下联动): the city adopts and instructs; the district author sees it; the other district cannot', async () => {
    const member = await t.as('member');
    const info = await t.as('info');
    const cityInfo = await t.as('city_info');
    let o = await submittedOpinion(member, { title: '关于规范共享单车停放秩序的建议', category: '交通运输' });
    expect((await cityInfo.get(`/api/opinions/${o.id}`)).status).toBe(404);
    o = await ok(info.post(`/api/opinions/${o.id}/actions/sendUp`, { version: o.version, note: '涉及全市共性问题' }));
    expect(o.sentUp).toMatchObject({ targetName: '深圳市政协', status: 'sent' });

    const incoming = await ok(cityInfo.get('/api/opinions?scope=incoming&status=sent'));
    const row = incoming.items.find((x: any) => x.id === o.id);
    expect(row).toMatchObject({ committeeName: '龙岗区政协', own: false, actions: expect.arrayContaining(['decideIncoming', 'instruct']) });
    expect(row.actions).not.toContain('adopt');
    // the city may not act on the district's own workflow
    expect((await cityInfo.post(`/api/opinions/${o.id}/actions/decline`, { version: o.version, feedback: '不采用' })).status).toBe(404);

    for (const who of ['ft_info', 'ft_member', 'ft_leader']) {
      const c = await t.as(who);
      expect((await c.get(`/api/opinions/${o.id}`)).status).toBe(404);
      const lists = [await ok(c.get('/api/opinions?scope=incoming')), await ok(c.get('/api/opinions'))];
      expect(lists.flatMap((l) => l.items).some((x: any) => x.id === o.id)).toBe(false);
    }

    const seen = await ok(cityInfo.get(`/api/opinions/${o.id}`));
    const cityIssue = await newIssue(cityInfo);
    const adopted = await ok(cityInfo.post(`/api/opinions/${o.id}/incoming/adopt`, { version: seen.incoming.version, mode: 'alone', issueId: cityIssue.id }));
    expect(adopted.incoming.status).toBe('adopted');
    const again = await cityInfo.post(`/api/opinions/${o.id}/incoming/adopt`, { version: seen.incoming.version, mode: 'alone' });
    expect(again.status).toBe(403);
    await ok(cityInfo.post(`/api/opinions/${o.id}/instructions`, { leaderName: '市委副书记 王某', level: 'city', instructedOn: '2026-01-05', text: '请市交通运输局研究共享单车停放管理办法。' }));
    const cityIssueNow = await ok(cityInfo.get(`/api/opinions/issues/${cityIssue.id}`));
    expect(cityIssueNow.items).toEqual([expect.objectContaining({ id: o.id, committeeName: '龙岗区政协', own: false })]);

    const mine = await ok(member.get(`/api/opinions/${o.id}`));
    expect(mine.adoptions).toEqual([expect.objectContaining({ level: 'city', adoptedBy: expect.stringContaining('深圳市政协') })]);
    expect(mine.instructions).toEqual([expect.objectContaining({ level: 'city', leaderName: '市委副书记 王某' })]);
    expect(mine.sentUp.status).toBe('adopted');
    expect(mine.topLevel).toBe('city');
    expect(await credits(o.id)).toEqual(['opinion.adopted:city', 'opinion.instructed:city', 'opinion.submitted']);
    const notices = await ok(member.get('/api/notifications'));
    expect(notices.items.map((n: any) => n.title).join('\n')).toMatch(/市级采用/);
    expect((await ok(member.get('/api/opinions/credit'))).adoptedByLevel.city).toBeGreaterThanOrEqual(1);
    // the district office keeps the record; the audit chains of both committees stay intact
    const district = await ok(info.get(`/api/opinions/${o.id}`));
    expect(district.own).toBe(true);
    expect(await verifyAuditChain(t.database.db)).toEqual([]);
  });

  it('staff-combines: sources point to the combined report and their authors keep credit', async () => {
    const info = await t.as('info');
    const a = await submittedOpinion(await t.as('member2'), { title: '关于增设社区充电桩的建议' });
    const b = await submittedOpinion(await t.as('member3'), { title: '关于解决老旧小区电动车充电难的建议' });
    const combined = await ok(
      info.post('/api/opinions/combine', {
        ids: [a.id, b.id], versions: { [a.id]: a.version, [b.id]: b.version },
        title: '关于统筹解决居民电动车充电难问题的建议', body: sampleOpinion.body, category: '城乡建设',
      }),
    );
    expect(combined.sources.map((s: any) => s.id).sort()).toEqual([a.id, b.id].sort());
    expect(combined.authorText).toMatch(/^综合（.+、.+）$/);
    const member2 = await t.as('member2');
    expect((await ok(member2.get(`/api/opinions/${a.id}`))).combinedInto.id).toBe(combined.id);
    expect((await member2.get(`/api/opinions/${combined.id}`)).status).toBe(200);
    const issue = await newIssue(info);
    const adopted = await ok(info.post(`/api/opinions/${combined.id}/actions/adopt`, { version: combined.version, issueId: issue.id }));
    expect(adopted.adoptions[0].mode).toBe('digest');
    const m2 = await memberIdOf(t, 'member2');
    const m3 = await memberIdOf(t, 'member3');
    const adoptedCredits = await t.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.kind, 'opinion.adopted')));
    expect(adoptedCredits.filter((e) => e.sourceId === a.id && e.memberId === m2)).toHaveLength(1);
    expect(adoptedCredits.filter((e) => e.sourceId === b.id && e.memberId === m3)).toHaveLength(1);
  });

  it('staff declines with feedback; two staff adopting at once: one wins, the other gets 409', async () => {
    const member = await t.as('member');
    const info = await t.as('info');
    const admin = await t.as('admin');
    const d = await submittedOpinion(member, { title: '关于个人家庭纠纷处理的建议' });
    const declined = await ok(info.post(`/api/opinions/${d.id}/actions/decline`, { version: d.version, feedback: '反映的是个人问题，建议通过信访渠道反映。' }));
    expect((await ok(member.get(`/api/opinions/${declined.id}`))).feedback).toContain('信访');
    const o = await submittedOpinion(member, { title: '关于加强夜市食品安全监管的建议', category: '卫生健康' });
    const issue = await newIssue(info);
    const results = await Promise.all([info, admin].map((c) => c.post(`/api/opinions/${o.id}/actions/adopt`, { version: o.version, issueId: issue.id })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await ok(info.get(`/api/opinions/issues/${issue.id}`))).items).toHaveLength(1);
  });

  it('passes a report to a department through the handling primitive; records adoption, instruction follow-up, statistics', async () => {
    const member = await t.as('member');
    const info = await t.as('info');
    const unit3 = await t.as('unit3');
    let o = await submittedOpinion(member, { title: '关于治理河道黑臭水体的建议', category: '环境保护' });
    expect((await unit3.get(`/api/opinions/${o.id}`)).status).toBe(404);
    const water = await unitIdByName(info, '区水务局');
    o = await ok(info.post(`/api/opinions/${o.id}/assign`, { version: o.version, assignments: [{ unitId: water, role: 'sole' }] }));
    expect(o.handlingStatus).toBe('handling');
    const a = o.assignments[0];
    await ok(unit3.post(`/api/handling/assignments/${a.id}/sign`, { version: a.version }));
    const reply = await ok(unit3.post('/api/handling/replies', { type: 'opinion', subjectId: o.id, answerClass: 'A', body: '我局已组织对该河段开展清淤和截污整治，预计年内完成。', contactPerson: '赵工', contactPhone: '0755-28900001', disclose: true }));
    const signed = await ok(unit3.post(`/api/handling/replies/${reply.id}/sign`, { version: reply.version, signedBy: '区水务局局长 钱某' }));
    await ok(unit3.post(`/api/handling/replies/${signed.id}/send`, { version: signed.version }));
    o = await ok(member.get(`/api/opinions/${o.id}`));
    expect(o.handlingStatus).toBe('replied');
    expect(o.replies).toHaveLength(1);

    o = await ok(info.post(`/api/opinions/${o.id}/adoptions`, { level: 'province', mode: 'digest', adoptedBy: '广东省政协《社情民意》', adoptedOn: '2026-01-06' }));
    o = await ok(info.post(`/api/opinions/${o.id}/instructions`, { leaderName: '区长 孙某', level: 'district', instructedOn: '2026-01-07', text: '请区水务局抓紧落实。' }));
    o = await ok(info.post(`/api/opinions/${o.id}/instructions/${o.instructions[0].id}/follow-up`, { followUp: '区水务局已完成整治方案。' }));
    expect(o.instructions[0].followUp).toBe('区水务局已完成整治方案。');
    expect(await credits(o.id)).toEqual(['opinion.adopted:province', 'opinion.instructed:district', 'opinion.submitted']);

    const stats = await ok(info.get(`/api/opinions/stats?year=${o.year}`));
    expect(stats.byLevel.province).toBeGreaterThanOrEqual(1);
    expect(stats.instructionsByLevel.district).toBeGreaterThanOrEqual(1);
    const me = stats.byAuthor.find((x: any) => x.memberId === o.authorMemberId);
    expect(me.submitted).toBeGreaterThanOrEqual(1);
    expect(me.sector).not.toBe('');
    expect(stats.bySector.length).toBeGreaterThan(0);
    const xlsx = await info.get(`/api/opinions/stats/export?year=${o.year}`);
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');
    // the workbook holds the same figures as the screen
    const wb = new ExcelJS.Workbook();
    const bytes = (await t.app.inject({ method: 'GET', url: `/api/opinions/stats/export?year=${o.year}`, headers: { cookie: info.cookie } })).rawPayload;
    await wb.xlsx.load(bytes as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '按委员', '按界别', '按类别', '信息明细']);
    const summary = Object.fromEntries(wb.getWorksheet('汇总')!.getSheetValues().slice(2).map((r: any) => [r[1], r[2]]));
    expect(summary['在省级被采用的信息（篇）']).toBe(stats.byLevel.province);
    expect(summary['省级采用（次）']).toBe(stats.adoptionsByLevel.province);
    expect(summary['区级领导批示（次）']).toBe(stats.instructionsByLevel.district);
    const titles = wb.getWorksheet('信息明细')!.getColumn(2).values.slice(2);
    expect(titles).toContain(o.title);
    expect((await member.get('/api/opinions/stats')).status).toBe(404);
  });

  it('demo data: reports from real messages in every state; the city queue holds both districts, each district only its own', async () => {
    const info = await t.as('info');
    const all = await ok(info.get('/api/opinions?pageSize=200'));
    const states = new Set(all.items.map((x: any) => x.status));
    for (const s of ['submitted', 'adopted', 'declined', 'combined']) expect(states).toContain(s);
    expect(all.items.every((x: any) => x.length <= 1500 && !/[A-Z]\d*市/.test(x.title))).toBe(true);
    const city = await ok((await t.as('city_info')).get('/api/opinions?scope=incoming&pageSize=200'));
    expect(new Set(city.items.map((x: any) => x.committeeName))).toEqual(new Set(['龙岗区政协', '福田区政协']));
    const ft = await ok((await t.as('ft_info')).get('/api/opinions?pageSize=200'));
    expect(ft.items.every((x: any) => x.committeeName === '福田区政协')).toBe(true);
    const [letter] = await t.database.db.select().from(attachments).where(eq(attachments.filename, '群众来信摘录.txt'));
    expect((await ok(info.get(`/api/opinions/${letter.subjectId}`))).attachments.map((a: any) => a.filename)).toEqual(['群众来信摘录.txt']);
    const issues = await ok(info.get('/api/opinions/issues'));
    expect(issues.items.map((i: any) => i.status)).toEqual(expect.arrayContaining(['published', 'draft']));
  });

  it('every report and issue route refuses the other district: never a success, never 5xx', async () => {
    const member = await t.as('member');
    const info = await t.as('info');
    const o = await submittedOpinion(member, { title: '关于完善社区卫生服务中心夜间门诊的建议', category: '卫生健康' });
    const issue = await newIssue(info);
    const routes = t.app.routeTable.filter((r: any) => r.url.startsWith('/api/opinions/') && r.url.includes(':id'));
    expect(routes.length).toBeGreaterThan(12);
    const problems: string[] = [];
    for (const who of ['ft_info', 'ft_member', 'ft_leader', 'ft_admin']) {
      const c = await t.as(who);
      for (const r of routes) {
        const url = r.url.replace(':id', r.url.includes('/issues/') ? issue.id : o.id).replace(':action', 'approve').replace(':instructionId', o.id);
        const res = await c.request({ method: r.method, url, payload: r.method === 'GET' ? undefined : { version: 1 } });
        if (res.status < 400 || res.status >= 500) problems.push(`${who} ${r.method} ${url} → ${res.status}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
