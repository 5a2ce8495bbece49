import type { TestApp } from '../support/app.js';
import { memberIdOf, ok, sampleDraft, unitIdByName } from '../support/proposals.js';

export const replyText = '您提出的《关于加强中小学校园周边交通安全管理的建议》收悉。经研究，我局已会同交警部门制定校园周边交通综合治理方案。\n目前已在12所学校周边设置接送临时停车区，正在分步实施。';

/**
 * A joint proposal (member with member2) filed, assigned to 区教育局 (lead) and 区住房建设局
 * (assisting); both sign, the assisting unit sends its view. With `reply`, the lead unit drafts,
 * signs and sends a class B reply; otherwise its reply stays a draft.
 */
export async function assignedJointProposal(t: TestApp, title: string, o: { reply: 'sent' | 'draft' }) {
  const [member, member2, staff, unit, unit2] = await Promise.all(['member', 'member2', 'staff', 'unit', 'unit2'].map((u) => t.as(u)));
  const m2 = await memberIdOf(t, 'member2');
  let p = await ok(member.post('/api/proposals', { ...sampleDraft, title, authorType: 'joint', cosignerIds: [m2] }));
  await ok(member2.post(`/api/proposals/${p.id}/cosign`, { accept: true }));
  p = await ok(member.get(`/api/proposals/${p.id}`));
  p = await ok(member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
  p = await ok(staff.post(`/api/proposals/${p.id}/actions/preReview`, { version: p.version, opinion: '符合立案标准，建议复审' }));
  p = await ok(staff.post(`/api/proposals/${p.id}/actions/reReview`, { version: p.version, opinion: '同意立案' }));
  p = await ok(staff.post(`/api/proposals/${p.id}/actions/file`, { version: p.version }));
  const edu = await unitIdByName(staff, '区教育局');
  const housing = await unitIdByName(staff, '区住房建设局');
  p = await ok(staff.post(`/api/proposals/${p.id}/assign`, { version: p.version, assignments: [{ unitId: edu, role: 'lead' }, { unitId: housing, role: 'assisting' }] }));
  const lead = p.assignments.find((a: any) => a.unitId === edu);
  const assisting = p.assignments.find((a: any) => a.unitId === housing);
  await ok(unit.post(`/api/handling/assignments/${lead.id}/sign`, { version: lead.version }));
  const signedAssisting = await ok(unit2.post(`/api/handling/assignments/${assisting.id}/sign`, { version: assisting.version }));
  await ok(unit2.post(`/api/handling/assignments/${assisting.id}/opinion`, { version: signedAssisting.version, text: '我局支持在学校周边规划临时停车区，并配合实施。' }));
  const draft = await ok(unit.post('/api/handling/replies', { type: 'proposal', subjectId: p.id, answerClass: 'B', body: replyText, contactPerson: '李老师', contactPhone: '0755-28949000', disclose: true , promise: '年内完成校园周边交通综合治理第一阶段工程', promisedBy: '2099-12-31' }));
  if (o.reply === 'sent') {
    const signed = await ok(unit.post(`/api/handling/replies/${draft.id}/sign`, { version: draft.version, signedBy: '区教育局局长 张某' }));
    await ok(unit.post(`/api/handling/replies/${signed.id}/send`, { version: signed.version }));
  }
  p = await ok(staff.get(`/api/proposals/${p.id}`));
  return { p, lead, assisting, member, member2, staff, unit, unit2 };
}
