import { definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';
import { inRoutedStudio, isHandler, isRequestStaff, type LivelihoodRequest, type RequestFacts } from './workflow.js';

/** A request as the policy sees it: the row and the members of the studio it was routed to. */
export type RequestSubject = LivelihoodRequest & RequestFacts;

/**
 * Who sees a request: the staff who route them; the member in charge; the members of the studio it
 * went to. The sender's name and phone only the staff (members reach the sender through them).
 */
export const requestPolicy = definePolicy<RequestSubject, 'read' | 'seeContact' | 'convert'>('livelihoodRequest', '民生诉求', {
  read: [
    { roles: ['staff', 'admin'], when: (a) => isRequestStaff(a) },
    { roles: ['member'], when: (a, r) => isHandler(a, r) || inRoutedStudio(a, r, r) },
  ],
  seeContact: [{ roles: ['staff', 'admin'], when: (a) => isRequestStaff(a) }],
  // 转化: the member in charge turns it into their own proposal draft or opinion report, once
  convert: [{ roles: ['member'], when: (a, r) => isHandler(a, r) && ['handling', 'done'].includes(r.status) && !r.proposalId && !r.opinionId }],
});

/**
 * The requests as a whole: the staff who route them list every one and see the routing options; a
 * member lists those in their charge (the query narrows it). Nobody creates one here: the public does, on the portal.
 */
export const requestCollectionPolicy = definePolicy<CommitteeScope, 'list' | 'route'>('livelihoodRequests', '民生诉求', {
  list: [{ roles: ['staff', 'admin'], when: (a) => isRequestStaff(a) }, { roles: ['member'] }],
  route: [{ roles: ['staff', 'admin'], when: (a) => isRequestStaff(a) }],
});
