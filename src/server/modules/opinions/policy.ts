import { definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';
import type { Actor } from '../../platform/auth/actor.js';
import { isInfoStaff, isOpinionAuthor, type Opinion, type OpinionIssue } from './workflow.js';

/**
 * A report as the policies see it: with the members whose reports were combined into it (they keep
 * credit and may follow it), the units it was passed to, and the status of its issue.
 */
export type OpinionSubject = Opinion & { sourceAuthorIds: string[]; unitIds: string[]; issueStatus: string | null; incomingStatus: string | null };

const involved = (a: Actor, o: OpinionSubject) => isOpinionAuthor(a, o) || (a.memberId !== null && (o.sourceAuthorIds.includes(a.memberId) || o.contributorMemberIds.includes(a.memberId)));
const seenByOffice = (o: OpinionSubject) => o.status !== 'draft';
const live = (o: OpinionSubject) => o.status === 'submitted' || o.status === 'adopted';
const editable = (o: OpinionSubject) => live(o) && (o.issueStatus === null || o.issueStatus === 'draft');
/** 上下联动: the information office (and leaders) of the committee the report was sent up to. */
const receivingOffice = (a: Actor, o: OpinionSubject) => o.sentUpToCommitteeId === a.committeeId && (isInfoStaff(a) || a.roles.includes('leader'));
const receivingInfo = (a: Actor, o: OpinionSubject) => o.sentUpToCommitteeId === a.committeeId && isInfoStaff(a);
const cross = { crossCommittee: receivingOffice };

/**
 * Who sees a report: its author (and the authors combined into it, and its contributors) always; the information office
 * and admins everything submitted; leaders everything submitted but withdrawn; a unit what was
 * passed to it; the parent committee's information office and leaders what was sent up to it.
 * Other members never see someone else's report: 社情民意 are internal.
 */
export const opinionPolicy = definePolicy<OpinionSubject, 'read' | 'update' | 'edit' | 'recordSend' | 'recordAdoption' | 'instruct' | 'decideIncoming'>(
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
    update: [{ roles: ['member', 'staff', 'admin'], when: (a, o) => isOpinionAuthor(a, o) && o.status === 'draft' }],
    edit: [{ roles: ['staff', 'admin'], when: (a, o) => isInfoStaff(a) && editable(o) }],
    recordSend: [{ roles: ['staff', 'admin'], when: (a, o) => isInfoStaff(a) && live(o) }],
    recordAdoption: [{ roles: ['staff', 'admin'], when: (a, o) => isInfoStaff(a) && live(o) }],
    instruct: [
      { roles: ['staff', 'admin', 'leader'], when: (a, o) => (isInfoStaff(a) || a.roles.includes('leader')) && live(o) },
      { roles: ['staff', 'admin', 'leader'], when: receivingOffice, ...cross },
    ],
    decideIncoming: [{ roles: ['staff', 'admin'], when: (a, o) => receivingInfo(a, o) && o.incomingStatus === 'sent', ...cross }],
  },
);

/** Issues are the information office's: it composes and publishes; leaders read and sign. */
export const issuePolicy = definePolicy<OpinionIssue, 'read' | 'compose' | 'document'>('opinionIssue', '《社情民意》期刊', {
  read: [{ roles: ['staff', 'admin'], when: (a) => isInfoStaff(a) }, { roles: ['leader'] }],
  compose: [{ roles: ['staff', 'admin'], when: (a, i) => isInfoStaff(a) && i.status === 'draft' }],
  document: [{ roles: ['staff', 'admin'], when: (a) => isInfoStaff(a) }, { roles: ['leader'] }],
});

/** The committee's reports as a whole: anyone of the committee but units writes one; the information office and leaders read the figures. */
export const opinionCollectionPolicy = definePolicy<CommitteeScope, 'create' | 'stats'>('opinions', '社情民意信息', {
  create: [{ roles: ['member', 'staff', 'admin'] }],
  stats: [{ roles: ['staff', 'admin'], when: (a) => isInfoStaff(a) }, { roles: ['leader'] }],
});

/** The issues as a whole: the information office and leaders list them; the office starts one. */
export const issueCollectionPolicy = definePolicy<CommitteeScope, 'read' | 'create'>('opinionIssues', '《社情民意》期刊', {
  read: [{ roles: ['staff', 'admin'], when: (a) => isInfoStaff(a) }, { roles: ['leader'] }],
  create: [{ roles: ['staff', 'admin'], when: (a) => isInfoStaff(a) }],
});
