import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ok, sampleDraft } from '../support/proposals.js';
import { committees } from '../../src/server/platform/tenancy/schema.js';
import { proposals } from '../../src/server/modules/proposals/schema.js';
import { opinionAdoptions, opinions } from '../../src/server/modules/opinions/schema.js';
import { instructions } from '../../src/server/platform/handling/schema.js';
import { consultationCouncils, consultationRatings, consultationRecommendations, consultations, consultationTopics } from '../../src/server/modules/consultation/schema.js';
import { supervisionGroups, supervisionSuggestions } from '../../src/server/modules/supervision/schema.js';
import { activities, activityInvitees } from '../../src/server/platform/activity/schema.js';
import { outreachContacts, outreachDeeds, outreachServices } from '../../src/server/modules/outreach/schema.js';
import type { SummaryReport } from '../../src/shared/summary/report.js';
import { livelihoodRequests } from '../../src/server/modules/requests/schema.js';
import { homeSuggestions, homeVisits } from '../../src/server/modules/members-home/schema.js';
import { learningItems, learningMarks, readingCheckins, readingGroups } from '../../src/server/modules/learning/schema.js';
import { members } from '../../src/server/modules/members/schema.js';
import { researchConversions, researchItems, researchMembers, researchTopics, researchVisits } from '../../src/server/modules/research/schema.js';

/**
 * 年度工作报告: every figure of the demo committee's year, checked against a count the test makes
 * itself from the rows (plain filters in JavaScript, not the modules' SQL); the sentences read the
 * same numbers; who may read it; the .docx.
 */
describe.each(dbKinds)('the yearly work report on %s', (kind) => {
  let t: TestApp;
  let report: SummaryReport;
  const year = new Date().getFullYear();
  beforeAll(async () => {
    t = await startTestApp(kind);
    report = await ok((await t.as('office')).get(`/api/summary?year=${year}`));
  });
  afterAll(() => t.close());
  const figure = (section: string, key: string) => {
    const s = report.sections.find((x) => x.key === section);
    const f = s?.figures.find((x) => x.key === key);
    if (!f) throw new Error(`no figure ${section}.${key}`);
    return f.value;
  };

  it('counts every figure as an independent count of the rows does', async () => {
    const { db } = t.database;
    const [me] = await db.select().from(committees).where(eq(committees.shortName, '龙岗区政协'));
    const committeeId = me.id;
    const mine = <R extends { committeeId: string }>(rows: R[]) => rows.filter((r) => r.committeeId === committeeId);

    const ps = mine(await db.select().from(proposals)).filter((p) => p.year === year && !p.historical && p.submittedAt && !['draft', 'withdrawn'].includes(p.status));
    expect(figure('proposals', 'received')).toBe(ps.length);
    expect(figure('proposals', 'filed')).toBe(ps.filter((p) => ['filed', 'handling', 'replied', 'rehandling', 'closed'].includes(p.status)).length);
    expect(figure('proposals', 'replied')).toBe(ps.filter((p) => ['replied', 'rehandling', 'closed'].includes(p.status)).length);
    expect(figure('proposals', 'key')).toBe(ps.filter((p) => p.isKey).length);
    expect(figure('proposals', 'received')).toBeGreaterThan(0);

    const os = mine(await db.select().from(opinions)).filter((o) => o.year === year && !['draft', 'withdrawn'].includes(o.status));
    const ids = new Set(os.map((o) => o.id));
    expect(figure('opinions', 'received')).toBe(os.length);
    expect(figure('opinions', 'adopted')).toBe(os.filter((o) => o.status === 'adopted').length);
    expect(figure('opinions', 'adoptedAbove')).toBe((await db.select().from(opinionAdoptions)).filter((a) => ids.has(a.opinionId) && a.level !== 'district').length);
    expect(figure('opinions', 'instructed')).toBe((await db.select().from(instructions)).filter((i) => i.subjectType === 'opinion' && ids.has(i.subjectId)).length);

    const cs = mine(await db.select().from(consultations)).filter((c) => c.year === year);
    const cids = new Set(cs.map((c) => c.id));
    const recs = (await db.select().from(consultationRecommendations)).filter((r) => cids.has(r.consultationId));
    expect(figure('consultation', 'topics')).toBe(mine(await db.select().from(consultationTopics)).filter((x) => x.year === year && !['pending', 'rejected', 'withdrawn'].includes(x.status)).length);
    expect(figure('consultation', 'planned')).toBe(cs.length);
    expect(figure('consultation', 'held')).toBe(cs.filter((c) => ['held', 'reported', 'following', 'done'].includes(c.status)).length);
    expect(figure('consultation', 'sent')).toBe(recs.length);
    expect(figure('consultation', 'replied')).toBe(recs.filter((r) => r.handlingStatus === 'replied').length);
    // 基层协商: councils that met (协商议事 on) in the year — the demo's six held ones and the published one
    const met = mine(await db.select().from(consultationCouncils)).filter((c) => ['deliberating', 'published', 'following', 'done'].includes(c.status) && c.day?.startsWith(`${year}-`));
    expect(figure('consultation', 'councils')).toBe(met.length);
    expect(figure('consultation', 'councils')).toBeGreaterThan(0);
    expect(figure('consultation', 'rated')).toBe((await db.select().from(consultationRatings)).filter((r) => cids.has(r.consultationId)).length);

    expect(figure('supervision', 'groups')).toBe(mine(await db.select().from(supervisionGroups)).filter((g) => g.active).length);
    expect(figure('supervision', 'signed')).toBe(mine(await db.select().from(supervisionSuggestions)).filter((s) => s.year === year && s.serial !== null).length);

    // 调研视察: the year's topics, their visits held (attendance taken), confirmed members, final reports, conversions, items
    const rt = mine(await db.select().from(researchTopics)).filter((x) => x.year === year);
    const rtIds = new Set(rt.map((x) => x.id));
    const closedIds = new Set(mine(await db.select().from(activities)).filter((a) => a.status === 'closed').map((a) => a.id));
    expect(figure('research', 'topics')).toBe(rt.length);
    expect(figure('research', 'topics')).toBeGreaterThan(0);
    expect(figure('research', 'visits')).toBe((await db.select().from(researchVisits)).filter((v) => rtIds.has(v.topicId) && closedIds.has(v.activityId)).length);
    expect(figure('research', 'members')).toBe((await db.select().from(researchMembers)).filter((m) => rtIds.has(m.topicId) && m.state === 'confirmed').length);
    expect(figure('research', 'reports')).toBe(rt.filter((x) => x.status === 'final').length);
    expect(figure('research', 'converted')).toBe((await db.select().from(researchConversions)).filter((c) => rtIds.has(c.topicId)).length);
    const ri = (await db.select().from(researchItems)).filter((i) => rtIds.has(i.topicId));
    expect(figure('research', 'items')).toBe(ri.length);
    expect(figure('research', 'replied')).toBe(ri.filter((i) => i.handlingStatus === 'replied').length);

    // 委员学习: the year's published items and their marks, the read rate over every serving member, groups and check-ins
    const [from, to] = [`${year}-01-01`, `${year}-12-31`];
    const li = mine(await db.select().from(learningItems)).filter((x) => x.status === 'published' && x.forDate >= from && x.forDate <= to);
    const liIds = new Set(li.map((x) => x.id));
    const marks = (await db.select().from(learningMarks)).filter((m) => liIds.has(m.itemId)).length;
    const serving = mine(await db.select().from(members)).filter((m) => m.status === 'active').length;
    expect(figure('learning', 'items')).toBe(li.length);
    expect(figure('learning', 'items')).toBeGreaterThan(0);
    expect(figure('learning', 'marks')).toBe(marks);
    expect(figure('learning', 'rate')).toBe(Math.round((marks * 100) / (li.length * serving)));
    expect(figure('learning', 'groups')).toBe(mine(await db.select().from(readingGroups)).filter((g) => g.startsOn <= to && g.endsOn >= from).length);
    expect(figure('learning', 'checkins')).toBe(mine(await db.select().from(readingCheckins)).filter((c) => c.day >= from && c.day <= to).length);

    const held = mine(await db.select().from(activities)).filter((a) => a.year === year && a.status === 'closed');
    const heldIds = new Set(held.map((a) => a.id));
    const invitees = (await db.select().from(activityInvitees)).filter((i) => heldIds.has(i.activityId));
    expect(figure('meetings', 'held')).toBe(held.length);
    expect(figure('meetings', 'plenary')).toBe(held.filter((a) => a.kind === 'plenary').length);
    expect(figure('meetings', 'councils')).toBe(held.filter((a) => a.kind === 'standingCommittee' || a.kind === 'chairs').length);
    expect(figure('meetings', 'invited')).toBe(invitees.length);
    expect(figure('meetings', 'attended')).toBe(invitees.filter((i) => i.outcome === 'attended').length);

    const inYear = (r: { day: string; status: string }) => r.status !== 'voided' && r.day.startsWith(`${year}-`);
    expect(figure('outreach', 'contacts')).toBe(mine(await db.select().from(outreachContacts)).filter(inYear).length);
    expect(figure('outreach', 'deeds')).toBe(mine(await db.select().from(outreachDeeds)).filter(inYear).length);
    expect(figure('outreach', 'services')).toBe(mine(await db.select().from(outreachServices)).filter(inYear).length);

    const rs = mine(await db.select().from(livelihoodRequests)).filter((r) => r.year === year);
    expect(figure('requests', 'received')).toBe(rs.length);
    expect(figure('requests', 'received')).toBeGreaterThan(0);
    expect(figure('requests', 'done')).toBe(rs.filter((r) => r.status === 'done').length);
    expect(figure('requests', 'declined')).toBe(rs.filter((r) => r.status === 'declined').length);
    expect(figure('requests', 'converted')).toBe(rs.filter((r) => r.proposalId || r.opinionId).length);

    // 委员之家: the demo's visits of the year up to today, the suggestions they brought, the few converted
    const visits = mine(await db.select().from(homeVisits)).filter((v) => v.day.startsWith(`${year}-`));
    const suggestions = mine(await db.select().from(homeSuggestions)).filter((x) => x.day.startsWith(`${year}-`));
    expect(figure('membersHome', 'visits')).toBe(visits.length);
    expect(figure('membersHome', 'visits')).toBeGreaterThan(0);
    expect(figure('membersHome', 'suggestions')).toBe(suggestions.length);
    expect(figure('membersHome', 'converted')).toBe(suggestions.filter((x) => x.proposalId || x.opinionId).length);
  });

  it('reads its figures out in each section’s sentence, in the report’s order, each linking to a page', () => {
    expect(report.sections.map((s) => s.title)).toEqual(['提案工作', '社情民意信息工作', '协商议政', '民主监督', '调研视察', '会议活动', '联系群众', '委员之家和主席接待日', '委员学习', '民生诉求']);
    for (const s of report.sections) {
      for (const f of s.figures) {
        expect(f.link, `${s.title} · ${f.label}`).toMatch(/^\//);
        if (f.key !== 'closed' && f.key !== 'invited') expect(s.text, `${s.title} · ${f.label}`).toContain(`${f.value}${f.unit}`);
      }
    }
    expect(report.title).toBe(`${report.committeeName}${year}年度工作报告（数据）`);
  });

  it('is the general office’s and the leaders’: a member or a unit is told it does not exist; it downloads as .docx', async () => {
    expect((await (await t.as('member')).get(`/api/summary?year=${year}`)).status).toBe(404);
    expect((await (await t.as('unit')).get(`/api/summary?year=${year}`)).status).toBe(404);
    expect((await (await t.as('info')).get(`/api/summary?year=${year}`)).status).toBe(404);
    const leader = await ok<SummaryReport>((await t.as('leader')).get(`/api/summary?year=${year}`));
    expect(leader.sections).toEqual(report.sections);
    const file = await (await t.as('office')).get(`/api/summary/document?year=${year}`);
    expect(file.status).toBe(200);
    expect(String(file.headers['content-type'])).toContain('wordprocessingml');
    expect(file.raw.slice(0, 2)).toBe('PK');
  });

  it('office-saves-version: its words around the figures as counted that day, numbered per year; later records change the figures now, not the version', async () => {
    const office = await t.as('office');
    const bad = await office.post('/api/summary/versions', { year, intro: '', narratives: { nosuch: '不存在的部分' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('各部分说明文字');
    expect((await (await t.as('leader')).post('/api/summary/versions', { year, narratives: {} })).status).toBe(403);
    expect((await (await t.as('member')).post('/api/summary/versions', { year, narratives: {} })).status).toBe(404);

    const first = await ok<SummaryReport>(office.post('/api/summary/versions', { year, intro: '一年来，区政协围绕中心、服务大局，各项工作取得新成效。', narratives: { proposals: '提案办理质量进一步提高。', meetings: '' } }));
    expect(first.version).toMatchObject({ number: 1, createdByName: expect.any(String) });
    expect(first.narratives).toEqual({ proposals: '提案办理质量进一步提高。' });
    const received = (r: SummaryReport) => r.sections.find((s) => s.key === 'proposals')!.figures.find((f) => f.key === 'received')!.value;

    // a member submits a proposal (counted in the year of its plenary session, late in the year the next one's):
    // that year's figures move, a version saved before does not
    const member = await t.as('member');
    const p = await ok(member.post('/api/proposals', { ...sampleDraft, title: '关于年度工作报告测试提案的建议' }));
    const ofItsYear = () => ok<SummaryReport>(office.get(`/api/summary?year=${p.year}`));
    const before = received(await ofItsYear());
    const kept = await ok<SummaryReport>(office.post('/api/summary/versions', { year: p.year, narratives: {} }));
    await ok(member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
    expect(received(await ofItsYear())).toBe(before + 1);
    expect(received(await ok<SummaryReport>(office.get(`/api/summary?version=${kept.version!.id}`)))).toBe(before);
    const now = await ok<SummaryReport>(office.get(`/api/summary?year=${year}`));
    expect(now.versions.map((v) => v.id)).toContain(first.version!.id);
    const again = await ok<SummaryReport>(office.get(`/api/summary?version=${first.version!.id}`));
    expect(again.sections).toEqual(first.sections);
    expect(again.intro).toContain('取得新成效');

    const second = await ok<SummaryReport>(office.post('/api/summary/versions', { year, narratives: {} }));
    expect(second.version!.number).toBe(Math.max(...now.versions.map((v) => v.number)) + 1);
    expect(second.versions.map((v) => v.number)).toEqual([second.version!.number, ...now.versions.map((v) => v.number)]);
    const file = await office.get(`/api/summary/document?version=${first.version!.id}&format=pdf`);
    expect(file.status).toBe(200);
    expect(file.raw.slice(0, 4)).toBe('%PDF');
    // another committee's version is not found
    expect((await (await t.as('ft_admin')).get(`/api/summary?version=${first.version!.id}`)).status).toBe(404);
  });
});
