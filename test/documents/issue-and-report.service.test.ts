import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { newIssue, sampleOpinion, submittedOpinion } from '../support/opinions.js';
import { download, expectFile, readDocx, readPdf, runStyle } from './files.js';

const year = new Date().getFullYear();

describe.each(dbKinds)('《社情民意》 issue and yearly performance report on the shared official layout, %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('a published issue as .docx and PDF: masthead, number, each report with its author, 报送 and 签发', async () => {
    const [member, info, leader] = await Promise.all(['member', 'info', 'leader'].map((u) => t.as(u)));
    let o = await submittedOpinion(member, { title: '关于整治学校周边占道施工安全隐患的建议' });
    let issue = await newIssue(info);
    o = await ok(info.post(`/api/opinions/${o.id}/actions/adopt`, { version: o.version, issueId: issue.id }));
    issue = await ok(info.get(`/api/opinions/issues/${issue.id}`));
    // a draft, neither signed nor published, is dated today by the app's clock (a test sets it), not the machine's
    t.app.services.now = () => new Date('2030-05-04T02:00:00Z');
    try {
      const draft = await readDocx((await expectFile(t, await t.as('info'), `/api/opinions/issues/${issue.id}/document`)).file);
      expect(draft.paragraphs.some((p) => p.startsWith('龙岗区政协办公室编 ') && p.endsWith('2030年5月4日'))).toBe(true);
    } finally {
      t.app.services.now = () => new Date();
    }
    issue = await ok(info.post(`/api/opinions/issues/${issue.id}/actions/approve`, { version: issue.version }));
    issue = await ok(leader.post(`/api/opinions/issues/${issue.id}/actions/sign`, { version: issue.version }));
    issue = await ok(info.post(`/api/opinions/issues/${issue.id}/actions/publish`, { version: issue.version }));
    const number = issue.title.match(/第(\d+)期/)[1];

    const d = await expectFile(t, info, `/api/opinions/issues/${issue.id}/document`);
    expect(d.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`社情民意${year}年第${number}期.docx`)}`);
    const doc = await readDocx(d.file);
    expect(runStyle(doc.document, '社情民意')).toMatchObject({ font: '方正小标宋简体', color: 'FF0000' });
    expect(doc.paragraphs).toContain(`${year}年第${number}期`);
    expect(doc.paragraphs.some((p) => p.startsWith('龙岗区政协办公室编 ') && /\d{4}年\d{1,2}月\d{1,2}日$/.test(p))).toBe(true);
    expect(runStyle(doc.document, o.title)).toMatchObject({ font: '方正小标宋简体', halfPoints: 44 });
    expect(doc.paragraphs).toContain(`（${o.authorText}）`);
    expect(doc.text).toContain(sampleOpinion.body.slice(0, 40));
    expect(doc.paragraphs.find((p) => p.startsWith('报送：'))).toMatch(/^报送：区委，区政府.* 签发：.+$/);

    const pdf = await expectFile(t, info, `/api/opinions/issues/${issue.id}/document?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await readPdf(pdf.file)).text.replace(/\s+/g, '');
    for (const s of ['社情民意', `${year}年第${number}期`, o.title, sampleOpinion.body.slice(0, 30), '报送：区委，区政府']) expect(text).toContain(s);
    const bad = await download(t, info, `/api/opinions/issues/${issue.id}/document?format=rtf`);
    expect(bad.status).toBe(400);
    expect(bad.error.message).toContain('文件格式');
  });

  it('a member’s yearly report as .docx and PDF: who, score, minimum, every entry', async () => {
    const [member, roster] = await Promise.all(['member', 'roster'].map((u) => t.as(u)));
    const me = (await member.get('/api/auth/me')).body.user.memberId;
    const record = await ok(roster.get(`/api/performance/members/${me}?year=${year}`));
    const d = await expectFile(t, roster, `/api/performance/members/${me}/report?year=${year}`);
    expect(d.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${record.member.name}-${year}年度履职报告.docx`)}`);
    const doc = await readDocx(d.file);
    expect(runStyle(doc.document, `委员${year}年度履职报告`)).toMatchObject({ font: '方正小标宋简体', halfPoints: 44 });
    expect(runStyle(doc.document, '中国人民政治协商会议深圳市龙岗区委员会')).toMatchObject({ color: 'FF0000' });
    for (const s of [record.member.name, record.member.code, '一、履职得分', '二、年度基本要求', `总分 ${record.total} 分`]) expect(doc.text).toContain(s);
    for (const e of record.entries.slice(0, 3)) expect(doc.paragraphs).toContain(e.kindLabel);

    const pdf = await expectFile(t, roster, `/api/performance/members/${me}/report?year=${year}&format=pdf`);
    const text = (await readPdf(pdf.file)).text.replace(/\s+/g, '');
    for (const s of [`委员${year}年度履职报告`, record.member.name, '一、履职得分', `总分${record.total}分`]) expect(text).toContain(s);
    // another member may not export someone else's report
    expect([403, 404]).toContain((await download(t, await t.as('member2'), `/api/performance/members/${me}/report?year=${year}&format=pdf`)).status);
  });
});
