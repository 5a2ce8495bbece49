import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { attachments } from '../../src/server/platform/attachments/schema.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok, sampleDraft } from '../support/proposals.js';
import { PNG, upload } from '../support/upload.js';

describe.each(dbKinds)('proposal attachments on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('the author attaches material to a draft and while it is returned; reviewers download it; nobody else sees it', async () => {
    const member = await t.as('member');
    let p = await ok(member.post('/api/proposals', { ...sampleDraft, title: '关于完善校园食品安全监管的建议' }));
    const send = (c: Client, name: string, content: Buffer) => c.request({ method: 'POST', url: `/api/proposals/${p.id}/attachments`, ...upload(name, content) });

    const added = await ok(send(member, '调研报告.docx', Buffer.from('调研报告正文')));
    expect(added.attachments).toEqual([expect.objectContaining({ filename: '调研报告.docx', size: Buffer.byteLength('调研报告正文') })]);
    expect(added.version).toBe(p.version); // a file does not change the proposal itself
    const bad = await send(member, '程序.exe', PNG);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('附件');
    expect((await send(await t.as('member2'), '别人的.png', PNG)).status).toBe(404);
    expect((await send(await t.as('ft_admin'), '外区的.png', PNG)).status).toBe(404);
    for (let i = 2; i <= 5; i++) await ok(send(member, `材料${i}.png`, PNG));
    const sixth = await send(member, '材料6.png', PNG);
    expect(sixth.status).toBe(400);
    expect(sixth.body.message).toBe('附件：每件提案最多5个附件');
    const spare = added.attachments[0];
    // removed at the app's clock (moved minutes ahead, within the session's idle time), not the machine's
    const fifth = (await ok(member.get(`/api/proposals/${p.id}`))).attachments[4].id;
    const removedAt = new Date(Date.now() + 7 * 60_000);
    t.app.services.now = () => removedAt;
    try {
      p = await ok(member.post(`/api/proposals/${p.id}/attachments/${fifth}/remove`));
    } finally {
      t.app.services.now = () => new Date();
    }
    expect(p.attachments).toHaveLength(4);
    const [gone] = await t.database.db.select({ removedAt: attachments.removedAt }).from(attachments).where(eq(attachments.id, fifth));
    expect(gone.removedAt?.toISOString()).toBe(removedAt.toISOString());

    p = await ok(member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
    expect((await send(member, '迟到的.png', PNG)).status).toBe(403);
    const staff = await t.as('staff');
    const file = await t.app.inject({ method: 'GET', url: `/api/proposals/${p.id}/attachments/${spare.id}`, headers: { cookie: (await t.as('staff')).cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent('调研报告.docx'));
    expect(file.rawPayload.toString()).toBe('调研报告正文');
    expect((await (await t.as('member2')).get(`/api/proposals/${p.id}/attachments/${spare.id}`)).status).toBe(404);

    // returned for revision: the author may add the missing material, then submit again
    p = await ok(staff.post(`/api/proposals/${p.id}/actions/return`, { version: p.version, reason: '请补充调研数据' }));
    p = await ok(send(member, '补充数据.xlsx', Buffer.from('数据')));
    expect(p.attachments.map((a: any) => a.filename)).toContain('补充数据.xlsx');
    const history = (await ok(staff.get(`/api/proposals/${p.id}`))).history.map((h: any) => h.action);
    expect(history).toEqual(expect.arrayContaining(['proposal.attach', 'proposal.removeAttachment']));
  });
});
