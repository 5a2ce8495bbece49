import { expect } from 'vitest';
import type { Client, TestApp } from './app.js';

export const sampleDraft = {
  title: '关于加强中小学校园周边交通安全管理的建议',
  background: '近年来，我区中小学校数量增加，上下学高峰时段校园周边交通拥堵、人车混行问题突出。',
  analysis: '主要原因是接送车辆临时停放无序、交通设施不足、部门协同不够。',
  suggestions: '一是设置接送临时停车区；二是完善校园周边交通标志标线；三是建立教育、公安交警、城管联动机制。',
  category: '教育事业',
  authorType: 'individual' as const,
};

/** Runs a request and fails with the server's message when the status is not the expected one. */
export async function ok<T = any>(p: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const res = await p;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function memberIdOf(t: TestApp, username: string): Promise<string> {
  const me = await (await t.as(username)).get('/api/auth/me');
  return me.body.user.memberId;
}

export async function unitIdByName(client: Client, name: string): Promise<string> {
  const units = (await client.get('/api/org/units')).body.items;
  const u = units.find((x: any) => x.name === name);
  expect(u, name).toBeTruthy();
  return u.id;
}

/** A submitted proposal taken through the review steps (预审, 复审) the demo committee requires before 立案. */
export async function reviewed(staff: Client, p: { id: string; version: number }) {
  let r = await ok(staff.post(`/api/proposals/${p.id}/actions/preReview`, { version: p.version, opinion: '符合立案标准，建议复审' }));
  r = await ok(staff.post(`/api/proposals/${p.id}/actions/reReview`, { version: r.version, opinion: '同意立案' }));
  return r;
}

/** A member's proposal taken through submission, review and filing. */
export async function filedProposal(t: TestApp, draft: object = sampleDraft) {
  const member = await t.as('member');
  const staff = await t.as('staff');
  let p = await ok(member.post('/api/proposals', draft));
  p = await ok(member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
  p = await ok(staff.post(`/api/proposals/${p.id}/actions/preReview`, { version: p.version, opinion: '符合立案标准，建议复审' }));
  p = await ok(staff.post(`/api/proposals/${p.id}/actions/reReview`, { version: p.version, opinion: '同意立案' }));
  p = await ok(staff.post(`/api/proposals/${p.id}/actions/file`, { version: p.version }));
  return { p, member, staff };
}
