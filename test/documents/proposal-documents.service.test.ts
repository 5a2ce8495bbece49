import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { sampleDraft } from '../support/proposals.js';
import { loadCalendar } from '../../src/server/platform/calendar/store.js';
import { workdaysBetween } from '../../src/server/platform/calendar/workdays.js';
import { members } from '../../src/server/modules/members/schema.js';
import { chineseDate } from '../../src/server/platform/documents/model.js';
import { download, expectFile, readDocx, readPdf, runStyle } from './files.js';
import { assignedJointProposal, replyText } from './scenario.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const COMMITTEE = '中国人民政治协商会议深圳市龙岗区委员会';
/** 2027-02-23 → 2027年2月23日 */
const zhDate = (iso: string) => iso.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

describe.each(dbKinds)('proposal documents on %s', (kind) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof assignedJointProposal>>;
  let url: (file: string) => string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    s = await assignedJointProposal(t, '关于加强中小学校园周边交通安全管理的建议', { reply: 'sent' });
    url = (file) => `/api/proposals/${s.p.id}/documents/${file}`;
  });
  afterAll(() => t.close());

  it('proposal form (.docx): number, session, category, proposers with sector and party, the three parts, review and units, in the official faces', async () => {
    const d = await expectFile(t, s.staff, url('form.docx'));
    expect(d.headers['content-type']).toBe(DOCX);
    const number = s.p.numberText.replace(/\s+/g, '');
    expect(d.headers['content-disposition']).toBe(`attachment; filename="proposal-${s.p.numberText.match(/(\d+)号/)[1].replace(/^0+/, '')}-form.docx"; filename*=UTF-8''${encodeURIComponent(`${number}-提案表.docx`)}`);
    const doc = await readDocx(d.file);
    const detail = (await s.staff.get(`/api/proposals/${s.p.id}`)).body;
    const [lead, cosigner] = [detail.leadMemberName, detail.cosigners[0].name];
    expect(doc.paragraphs).toContain(COMMITTEE);
    expect(doc.text).toContain(`七届五次会议 · 大会提案 ${s.p.numberText.split(' ')[1]}`);
    for (const text of ['提案类别', '教育事业', '联名提案', '第一提案人', lead, '案由', sampleDraft.title, sampleDraft.background, sampleDraft.analysis, sampleDraft.suggestions]) {
      expect(doc.paragraphs, text).toContain(text);
    }
    expect(doc.paragraphs.find((p) => p.startsWith(cosigner))).toMatch(new RegExp(`^${cosigner}（.+，.+）$`));
    expect(doc.paragraphs).toEqual(expect.arrayContaining(['一、情况', '二、分析', '三、建议', '立案（' + chineseDate(new Date(detail.decidedAt)) + '）', '主办：区教育局；协办：区住房建设局']));
    expect(doc.text).toContain('符合立案标准，建议复审（提案委 周文，');
    // GB/T 9704: 二号小标宋 title, 三号仿宋 text, 黑体 headings, red masthead, A4 with its margins
    expect(runStyle(doc.document, '提　案')).toMatchObject({ font: '方正小标宋简体', halfPoints: 44 });
    expect(runStyle(doc.document, sampleDraft.background)).toMatchObject({ font: '仿宋_GB2312', halfPoints: 32 });
    expect(runStyle(doc.document, '一、情况')).toMatchObject({ font: '黑体', halfPoints: 32 });
    expect(runStyle(doc.document, COMMITTEE)).toMatchObject({ font: '方正小标宋简体', color: 'FF0000' });
    expect(doc.fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(doc.fontTable).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(doc.document).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(doc.document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc.footers.some((f) => f.includes('PAGE') && f.includes('— '))).toBe(true);
  });

  it('assignment notice (.docx) for the lead unit: role, the assisting unit, deadline in working days, objection window, contacts', async () => {
    const d = await expectFile(t, s.unit, url('notice.docx'));
    const doc = await readDocx(d.file);
    const a = s.lead;
    const workdays = workdaysBetween(await loadCalendar(t.database.db), a.assignedOn, a.replyDeadline);
    expect(workdays).toBeGreaterThan(40);
    expect(doc.paragraphs).toContain('提案交办通知书');
    expect(doc.paragraphs).toContain('深圳市龙岗区教育局：');
    expect(doc.text).toContain(`现将${s.p.numberText.replace(/\s+/g, '')}提案《${s.p.title}》`);
    expect(doc.text).toContain('交由你单位主办办理。协办（会办）单位为区住房建设局。');
    expect(doc.text).toContain(`请于${zhDate(a.replyDeadline)}前（自交办之日起${workdays}个工作日内）将答复函送提案人`);
    expect(doc.text).toContain(`请于${zhDate(a.objectionDeadline)}前提出异议`);
    expect(doc.text).toContain('（联系人：提案委 周文');
    expect(doc.paragraphs).toContain('龙岗区政协提案委员会');
    expect(doc.text).toContain('抄送：区住房建设局。');
    // the proposer's phone, for 办前沟通
    const [{ phone }] = await t.database.db.select({ phone: members.phone }).from(members).where(eq(members.id, s.p.leadMemberId));
    expect(phone).toBeTruthy();
    expect(doc.text).toContain(phone);
  });

  it('assignment notice (PDF) for the assisting unit: real Chinese text in embedded Noto CJK', async () => {
    const d = await expectFile(t, s.unit2, url('notice.pdf'));
    expect(d.headers['content-type']).toBe('application/pdf');
    expect(d.file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await readPdf(d.file);
    expect(pdf.baseFonts.some((f) => /\+NotoSerifSC-/.test(f))).toBe(true);
    const flat = pdf.text.replace(/\s+/g, '');
    expect(flat).toContain(COMMITTEE);
    expect(flat).toContain('提案交办通知书');
    expect(flat).toContain('深圳市龙岗区住房建设局：');
    expect(flat).toContain('交由你单位协办办理。主办单位为区教育局。');
    expect(flat).toContain(`请于${zhDate(s.assisting.replyDeadline)}前`);
    expect(flat).toMatch(/—1—/);
  });

  it('reply letter (PDF) for the proposer: class, signer, text, unit and date, contact, copies', async () => {
    const d = await expectFile(t, s.member, url('reply.pdf'));
    const pdf = await readPdf(d.file);
    const flat = pdf.text.replace(/\s+/g, '');
    const number = s.p.numberText.replace(/\s+/g, '');
    expect(flat).toContain('深圳市龙岗区教育局');
    expect(flat).toContain('答复类别：B（正在解决或列入规划）');
    expect(flat).toContain('签发人：区教育局局长张某');
    expect(flat).toContain(`关于龙岗区政协${number}提案的答复`);
    const detail = (await s.member.get(`/api/proposals/${s.p.id}`)).body;
    expect(flat).toContain(`${detail.leadMemberName}、${detail.cosigners[0].name}委员：`);
    for (const line of replyText.split('\n')) expect(flat).toContain(line);
    const sent = detail.replies[0].sentAt as string;
    expect(flat).toContain(zhDate(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(sent))));
    expect(flat).toContain('（联系人：李老师，联系电话：0755-28949000）');
    expect(flat).toContain('（此件公开发布）');
    expect(flat).toContain('抄送：龙岗区政协提案委员会，区住房建设局。');
  });

  it('reply letter (.docx) names each part in its face; a bad format or kind is refused naming the field', async () => {
    const doc = await readDocx((await expectFile(t, s.staff, `${url('reply.docx')}?assignmentId=${s.lead.id}`)).file);
    expect(runStyle(doc.document, '深圳市龙岗区教育局')).toMatchObject({ color: 'FF0000', font: '方正小标宋简体' });
    expect(doc.paragraphs).toContain(replyText.split('\n')[1]);
    const bad = await download(t, s.staff, url('form.txt'));
    expect(bad.status).toBe(400);
    expect(bad.error.message).toContain('文件格式');
    const badKind = await download(t, s.staff, url('letter.pdf'));
    expect(badKind.status).toBe(400);
    expect(badKind.error.message).toContain('文书类型');
    // staff must say which unit when a proposal has several
    const which = await download(t, s.staff, url('notice.docx'));
    expect(which.status).toBe(400);
    expect(which.error.message).toContain('交办记录');
  });

  it('who gets what: a unit only its own notice and reply, others 404; the list shows each reader their documents', async () => {
    const [unit3, member3, ftStaff, ftUnit] = await Promise.all(['unit3', 'member3', 'ft_staff', 'ft_unit'].map((u) => t.as(u)));
    // another unit of the committee, not assigned
    expect((await download(t, unit3, url('form.docx'))).status).toBe(404);
    expect((await download(t, unit3, `${url('notice.docx')}?assignmentId=${s.lead.id}`)).status).toBe(404);
    // the assisting unit: not the lead unit's notice or reply, and it has no reply of its own
    expect((await download(t, s.unit2, `${url('notice.docx')}?assignmentId=${s.lead.id}`)).status).toBe(404);
    expect((await download(t, s.unit2, `${url('reply.docx')}?assignmentId=${s.lead.id}`)).status).toBe(404);
    expect((await download(t, s.unit2, url('reply.docx'))).status).toBe(404);
    // another committee sees nothing, whatever it asks for
    for (const c of [ftStaff, ftUnit]) {
      for (const f of ['form.docx', 'notice.pdf', `reply.docx?assignmentId=${s.lead.id}`]) {
        const res = await download(t, c, url(f));
        expect(res.status, f).toBe(404);
      }
      expect((await c.get(url('').slice(0, -1))).status).toBe(404);
    }
    // a member not involved prints the filed proposal without phone numbers or review opinions; no notices
    const form = await readDocx((await expectFile(t, member3, url('form.docx'))).file);
    expect(form.text).toContain(sampleDraft.title);
    expect(form.text).not.toContain('联系电话');
    expect(form.text).not.toContain('符合立案标准');
    expect((await download(t, member3, `${url('notice.docx')}?assignmentId=${s.lead.id}`)).status).toBe(404);
    expect((await t.anonymous.get(url('form.docx'))).status).toBe(401);

    const list = async (c: typeof s.unit) => ((await c.get(url('').slice(0, -1))).body.items as any[]).map((i) => [i.kind, i.assignmentId]);
    expect(await list(s.unit2)).toEqual([['form', null], ['notice', s.assisting.id]]);
    expect(await list(s.unit)).toEqual([['form', null], ['notice', s.lead.id], ['reply', s.lead.id]]);
    expect(await list(s.member)).toEqual([['form', null], ['reply', s.lead.id]]);
    expect(await list(s.staff)).toEqual([['form', null], ['notice', s.lead.id], ['notice', s.assisting.id], ['reply', s.lead.id]]);
  });

  it('a draft reply is printed for its unit to sign off, marked as a draft, and hidden from staff and the proposer', async () => {
    const draft = await assignedJointProposal(t, '关于完善社区养老服务设施的建议', { reply: 'draft' });
    const f = `/api/proposals/${draft.p.id}/documents/reply.docx`;
    const doc = await readDocx((await expectFile(t, draft.unit, f)).file);
    expect(doc.text).toContain('草稿（未签发）');
    expect(doc.text).toContain(replyText.split('\n')[0]);
    expect((await download(t, draft.staff, `${f}?assignmentId=${draft.lead.id}`)).status).toBe(404);
    expect((await download(t, draft.member, f)).status).toBe(404);
  });
});
