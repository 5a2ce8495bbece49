import type { Actor } from '../../platform/auth/actor.js';
import { definePolicy, type CommitteeScope, type Policy } from '../../platform/policy/policy.js';

/** What the policies need of a member's outreach record (contact, deed, service, paired contact). */
export type OwnedRecord = { committeeId: string; memberId: string; status: string };

const own = (a: Actor, s: OwnedRecord) => a.memberId !== null && a.memberId === s.memberId;
const live = (s: { status: string }) => s.status !== 'voided';
const staff = ['staff', 'admin'] as const;

export type OwnedAction = 'read' | 'update' | 'void' | 'complete' | 'end';

/**
 * A member records and edits their own items; staff of any office and admins read every member's,
 * record on a member's behalf, edit and void (作废, with a reason); leaders read. Other members never
 * see someone else's items (a forbidden read is a 404). `complete` (办结) is a deed's, `end`
 * (解除结对) a paired contact's; the records ignore the actions that are not theirs.
 */
function ownedPolicy(subject: string, label: string, o: { complete?: boolean; end?: boolean } = {}): Policy<OwnedRecord, OwnedAction> {
  return definePolicy<OwnedRecord, OwnedAction>(subject, label, {
    read: [{ roles: ['staff', 'admin', 'leader'] }, { roles: ['member'], when: own }],
    update: [{ roles: staff, when: (_a, s) => live(s) && s.status !== 'ended' }, { roles: ['member'], when: (a, s) => own(a, s) && live(s) && s.status !== 'ended' }],
    void: [{ roles: staff, when: (_a, s) => live(s) }],
    complete: o.complete ? [{ roles: staff, when: (_a, s) => s.status === 'inProgress' }, { roles: ['member'], when: (a, s) => own(a, s) && s.status === 'inProgress' }] : [],
    end: o.end ? [{ roles: staff, when: (_a, s) => s.status === 'active' }, { roles: ['member'], when: (a, s) => own(a, s) && s.status === 'active' }] : [],
  });
}

export const partnerPolicy = ownedPolicy('outreachPartner', '结对联系对象', { end: true });
export const contactPolicy = ownedPolicy('outreachContact', '民情日记');
export const deedPolicy = ownedPolicy('outreachDeed', '办实事记录', { complete: true });
export const servicePolicy = ownedPolicy('outreachService', '公益活动记录');

/** A member records their own items; staff and admins record on a member's behalf. */
export const ownedCollectionPolicy = definePolicy<CommitteeScope, 'create'>('outreach', '联系群众记录', {
  create: [{ roles: ['member', ...staff] }],
});

/** Staff and admins record for any member of their committee and see everyone's records. */
export const keepsOutreach = (a: Actor) => a.roles.includes('staff') || a.roles.includes('admin');
export const readsAll = (a: Actor) => keepsOutreach(a) || a.roles.includes('leader');
