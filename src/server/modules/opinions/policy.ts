import { definePolicy } from '../../platform/policy/policy.js';
import type { Actor } from '../../platform/auth/actor.js';
import { isInfoStaff, isOpinionAuthor, type Opinion, type OpinionIssue } from './workflow.js';

/**
 * A report as the policies see it: with the members whose reports were combined into it (they keep
 * credit and may follow it), the units it was passed to, and the status of its issue.
 */
export type OpinionSubject = Opinion & { sourceAuthorIds: string[]; unitIds: string[]; issueStatus: string | null; incomingStatus: string | null };

const involved = (a: Actor, o: OpinionSubject) => isOpinionAuthor(a, o) || (a.memberId !== null && o.sourceAuthorIds.includes(a.memberId));
const seenByOffice = (o: OpinionSubject) => o.status !== 'draft';
const live = (o: OpinionSubject) => o.status === 'submitted' || o.status === 'adopted';
const editable = (o: OpinionSubject) => live(o) && (o.issueStatus === null || o.issueStatus === 'draft');
/** 上下联动: the information office (and leaders) of the committee the report was sent up to. */
const receivingOffice = (a: Actor, o: OpinionSubject) => o.sentUpToCommitteeId === a.committeeId && (isInfoStaff(a) || a.roles.includes('leader'));
const receivingInfo = (a: Actor, o: OpinionSubject) => o.sentUpToCommitteeId === a.committeeId && isInfoStaff(a);
const cross = { crossCommittee: receivingOffice };

/**
 * Who sees a report: its author (and the authors combined into it) always; the information office
 * and admins everything submitted; leaders everything submitted but withdrawn; a unit what was
 * passed to it; the parent committee's information office and leaders what was sent up to it.
 * Other members never see someone else's report: 社情民意 are internal.
 */
export const opinionPolicy = definePolicy<OpinionSubject, 'read' | 'create' | 'update' | 'edit' | 'recordSend' | 'recordAdoption' | 'instruct' | 'decideIncoming' | 'stats'>(
  'opinion',
  '社情民意信息',
  {
    read: [
      { roles: ['member', 'staff', 'admin', 'leader'], when: involved },
      { roles: ['staff', 'admin'], when: (a, o) => isInfoStaff(a) && seenByOffice(o) },
      { roles: ['leader'], when: (_a, o) => seenByOffice(o) && o.status !== 'withdrawn' },
      { roles: ['unit'], when: (a, o) => a.unitId !== null && o.unitIds.includes(a.unitId) },
      { roles: ['staff', 'admin', 'leader'], when: receivingOffice, ...cross },
    ],
    create: [{ roles: ['member', 'staff', 'admin'] }],
    update: [{ roles: ['member', 'staff', 'admin'], when: (a, o) => isOpinionAuthor(a, o) && o.status === 'draft' }],
    edit: [{ roles: ['staff', 'admin'], when: (a, o) => isInfoStaff(a) && editable(o) }],
    recordSend: [{ roles: ['staff', 'admin'], when: (a, o) => isInfoStaff(a) && live(o) }],
    recordAdoption: [{ roles: ['staff', 'admin'], when: (a, o) => isInfoStaff(a) && live(o) }],
    instruct: [
      { roles: ['staff', 'admin', 'leader'], when: (a, o) => (isInfoStaff(a) || a.roles.includes('leader')) && live(o) },
      { roles: ['staff', 'admin', 'leader'], when: receivingOffice, ...cross },
    ],
    decideIncoming: [{ roles: ['staff', 'admin'], when: (a, o) => receivingInfo(a, o) && o.incomingStatus === 'sent', ...cross }],
    // on no particular report (the committee stands in as subject)
    stats: [{ roles: ['staff', 'admin'], when: (a) => isInfoStaff(a) }, { roles: ['leader'] }],
  },
);

/** Issues are the information office's: it composes and publishes; leaders read and sign. */
export const issuePolicy = definePolicy<OpinionIssue, 'read' | 'create' | 'compose' | 'document'>('opinionIssue', '《社情民意》期刊', {
  read: [{ roles: ['staff', 'admin'], when: (a) => isInfoStaff(a) }, { roles: ['leader'] }],
  create: [{ roles: ['staff', 'admin'], when: (a) => isInfoStaff(a) }],
  compose: [{ roles: ['staff', 'admin'], when: (a, i) => isInfoStaff(a) && i.status === 'draft' }],
  document: [{ roles: ['staff', 'admin'], when: (a) => isInfoStaff(a) }, { roles: ['leader'] }],
});

/** For actions on no particular report (create, statistics): the committee stands in as an empty report. */
export const committeeOpinion = (actor: Actor) =>
  ({ committeeId: actor.committeeId, status: 'draft', authorMemberId: null, createdByUserId: '', authorType: 'member', sentUpToCommitteeId: null, sourceAuthorIds: [], unitIds: [], issueStatus: null, incomingStatus: null }) as unknown as OpinionSubject;
