import { defineWorkflow } from '../../platform/workflow/workflow.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { livelihoodRequests } from './schema.js';
import { requestStates, type RequestState } from '../../../shared/requests/labels.js';

export type LivelihoodRequest = typeof livelihoodRequests.$inferSelect;
export type RequestTransition = 'route' | 'start' | 'record' | 'finish' | 'decline' | 'publish' | 'unpublish';

/** What the guards read besides the record: the members of the studio it was routed to. */
export interface RequestFacts {
  studioMemberIds: string[];
}

/** 委员科 keeps in touch with members and their studios, so it routes the public's requests; admins too. */
export const isRequestStaff = (a: Actor) => a.roles.includes('admin') || (a.roles.includes('staff') && (a.office === 'members' || a.office === 'general'));
/** The member in charge (接办 sets it when staff routed to a studio only). */
export const isHandler = (a: Actor, r: Pick<LivelihoodRequest, 'memberId'>) => a.memberId !== null && r.memberId === a.memberId;
/** A member of the studio it went to, who may take it on while nobody has. */
export const inRoutedStudio = (a: Actor, r: Pick<LivelihoodRequest, 'studioId'>, f: RequestFacts) => a.memberId !== null && r.studioId !== null && f.studioMemberIds.includes(a.memberId);

const staffOnly = (a: Actor) => (isRequestStaff(a) ? null : '只有委员科或办公室工作人员可以办理');
const handlerOnly = (a: Actor, r: LivelihoodRequest) => (isHandler(a, r) ? null : '只有承办委员可以办理');
const handlerOrStaff = (a: Actor, r: LivelihoodRequest) => (isHandler(a, r) || isRequestStaff(a) ? null : '只有承办委员或工作人员可以办理');

/**
 * A request's course (received → routed → handling → done / declined with a reason). Staff route it to
 * a studio or a member; the member takes it on, records what was done and finishes it; staff may
 * also decline it with a reason, and publish a finished one on the portal (moderation: nothing the
 * public sends is public before that).
 */
export const requestWorkflow = defineWorkflow<RequestState, RequestTransition, LivelihoodRequest, RequestFacts>({
  name: 'livelihoodRequest',
  stateLabels: requestStates,
  transitions: [
    { action: 'route', label: '分办', from: ['received', 'routed'], to: 'routed', roles: ['staff', 'admin'], guard: staffOnly },
    {
      action: 'start', label: '接办', from: ['routed'], to: 'handling', roles: ['member'],
      guard: (a, r, f) => (isHandler(a, r) || (r.memberId === null && inRoutedStudio(a, r, f)) ? null : '只有承办委员或所转工作室的委员可以接办'),
    },
    { action: 'record', label: '记录办理情况', from: ['handling'], to: 'handling', roles: ['member', 'staff', 'admin'], guard: handlerOrStaff },
    { action: 'finish', label: '办结', from: ['handling'], to: 'done', roles: ['member'], guard: handlerOnly },
    { action: 'decline', label: '不予办理', from: ['received', 'routed', 'handling'], to: 'declined', roles: ['staff', 'admin'], guard: staffOnly },
    {
      action: 'publish', label: '公开办理结果', from: ['done'], to: 'done', roles: ['staff', 'admin'],
      guard: (a, r) => staffOnly(a) ?? (r.publishedAt ? '已经公开' : null),
    },
    {
      action: 'unpublish', label: '取消公开', from: ['done'], to: 'done', roles: ['staff', 'admin'],
      guard: (a, r) => staffOnly(a) ?? (r.publishedAt ? null : '尚未公开'),
    },
  ],
});
