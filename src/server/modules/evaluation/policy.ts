import { definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';
import type { Actor } from '../../platform/auth/actor.js';
import { isEvaluationOffice, type Campaign, type CampaignState, type Finding } from './workflow.js';

const office = (a: Actor) => isEvaluationOffice(a);
const invited = (a: Actor, c: Campaign) => a.memberId !== null && c.invitedMemberIds.includes(a.memberId);
const is = (c: Campaign, ...states: CampaignState[]) => states.includes(c.status as CampaignState);
/** the results are published once the campaign moves on to rectification */
const published = (c: Campaign) => is(c, 'rectifying', 'rechecking', 'done');
const evaluated = (a: Actor, c: Campaign) => a.unitId !== null && c.unitIds.includes(a.unitId);

/**
 * Who sees a campaign: the office always; leaders once the chairs' meeting has proposed it; an
 * invited member once the party committee has approved it; a department evaluated in it once the
 * results are published. The scores are shown from deliberation on — to the office and leaders —
 * and to members and departments when published; no one ever sees one person's ballot.
 */
export const campaignPolicy = definePolicy<Campaign, 'read' | 'update' | 'results' | 'respond' | 'addFinding' | 'representatives' | 'invite'>('evaluationCampaign', '民主评议活动', {
  read: [
    { roles: ['staff', 'admin'], when: office },
    { roles: ['leader'], when: (_a, c) => !is(c, 'draft') },
    { roles: ['member'], when: (a, c) => invited(a, c) && !is(c, 'draft', 'proposed') },
    { roles: ['unit'], when: (a, c) => evaluated(a, c) && published(c) },
  ],
  update: [{ roles: ['staff', 'admin'], when: (a, c) => office(a) && is(c, 'draft', 'proposed', 'preparing') }],
  results: [
    { roles: ['staff', 'admin'], when: (a, c) => office(a) && !is(c, 'draft', 'proposed', 'preparing') },
    { roles: ['leader'], when: (_a, c) => !is(c, 'draft', 'proposed', 'preparing') },
    { roles: ['member'], when: (a, c) => invited(a, c) && published(c) },
    { roles: ['unit'], when: (a, c) => evaluated(a, c) && published(c) },
  ],
  respond: [{ roles: ['member'], when: (a, c) => invited(a, c) && is(c, 'surveying') }],
  addFinding: [{ roles: ['staff', 'admin'], when: (a, c) => office(a) && is(c, 'rectifying', 'rechecking') }],
  /** the representatives' names, organisations and phones (personal data) and who has answered: the office only */
  representatives: [{ roles: ['staff', 'admin'], when: office }],
  /** invite representatives, revoke and re-issue their links: the office, until the questionnaire closes */
  invite: [{ roles: ['staff', 'admin'], when: (a, c) => office(a) && is(c, 'draft', 'proposed', 'preparing', 'surveying') }],
});

/** The campaigns as a whole: the office starts one (rights on the committee, not on a campaign). */
export const campaignCollectionPolicy = definePolicy<CommitteeScope, 'create'>('evaluationCampaigns', '民主评议活动', {
  create: [{ roles: ['staff', 'admin'], when: office }],
});

/** A rectification item: the office and leaders read all; a department only its own. */
export const findingPolicy = definePolicy<Finding, 'read' | 'recheck'>('evaluationFinding', '整改事项', {
  read: [{ roles: ['staff', 'admin'], when: office }, { roles: ['leader'] }, { roles: ['unit'], when: (a, f) => a.unitId !== null && a.unitId === f.unitId }],
  recheck: [{ roles: ['staff', 'admin'], when: (a, f) => office(a) && f.status === 'replied' }],
});
