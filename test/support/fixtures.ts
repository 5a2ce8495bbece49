import type { Client, TestApp } from './app.js';
import { filedProposal, ok, sampleDraft, unitIdByName } from './proposals.js';

/** Ids of records of one committee, keyed by the route parameter they fill. */
export interface CommitteeRecords {
  proposal: string;
  draft: string;
  member: string;
  user: string;
  unit: string;
  assignment: string;
  committee: string;
}

/** A handled proposal, a draft, a member, a user and a unit of 龙岗区 (prefix '') or 福田区 (prefix 'ft_'). */
export async function committeeRecords(t: TestApp, prefix: '' | 'ft_'): Promise<CommitteeRecords> {
  const as = (u: string) => t.as(prefix + u);
  const [member, staff, admin]: Client[] = await Promise.all([as('member'), as('staff'), as('admin')]);
  const filed = prefix === '' ? (await filedProposal(t)).p : await filedIn(member, staff);
  const unit = await unitIdByName(staff, '区教育局');
  const assigned = await ok(staff.post(`/api/proposals/${filed.id}/assign`, { version: filed.version, assignments: [{ unitId: unit, role: 'sole' }] }));
  const draft = await ok(member.post('/api/proposals', { ...sampleDraft, title: `${prefix}尚未提交的草稿提案` }));
  const users = (await ok(admin.get('/api/users'))).items;
  const me = await ok(member.get('/api/auth/me'));
  return {
    proposal: assigned.id, draft: draft.id, member: me.user.memberId, user: users.find((u: any) => u.username === `${prefix}member2`).id,
    unit, assignment: assigned.assignments[0].id, committee: me.user.committee.id,
  };
}

async function filedIn(member: Client, staff: Client) {
  let p = await ok(member.post('/api/proposals', sampleDraft));
  p = await ok(member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
  p = await ok(staff.post(`/api/proposals/${p.id}/actions/file`, { version: p.version }));
  return p;
}

/** Fills a route's :params with the records' ids (every :id-like parameter gets the record of its area). */
export function fillPath(url: string, r: CommitteeRecords): string {
  const area = url.split('/')[2];
  const idFor: Record<string, string> = { proposals: r.proposal, members: r.member, users: r.user, org: r.unit, handling: r.assignment, notifications: r.proposal };
  return url
    .replace(':kind', 'units')
    .replace(':action', 'file')
    .replace(':module', 'proposals')
    .replace(/:(assignmentId|replyId)/g, r.assignment)
    .replace(/:[A-Za-z]+/g, idFor[area] ?? r.proposal);
}
