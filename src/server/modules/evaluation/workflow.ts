import { defineWorkflow } from '../../platform/workflow/workflow.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { evaluationCampaigns, evaluationFindings } from './schema.js';
import { campaignStates, findingStates, type CampaignState, type FindingState } from '../../../shared/evaluation/labels.js';

export type Campaign = typeof evaluationCampaigns.$inferSelect;
export type Finding = typeof evaluationFindings.$inferSelect;
export { campaignStates, findingStates, type CampaignState, type FindingState };

/** 办公室: the general office runs evaluation (and admins), as it runs supervision. */
export const isEvaluationOffice = (a: Actor) => a.roles.includes('admin') || (a.roles.includes('staff') && a.office === 'general');
const officeOnly = (a: Actor) => (isEvaluationOffice(a) ? null : '只有政协办公室可以办理');

/** What the campaign's preconditions read, loaded with it: the quorum and the open rectification items. */
export interface CampaignFacts {
  /** why the results cannot be computed yet (a department short of the quorum), or null */
  quorumShort: string | null;
  /** rectification items not yet passed by the look-back */
  openFindings: number;
}

export type CampaignAction = 'propose' | 'reject' | 'approve' | 'startSurvey' | 'startDeliberation' | 'publish' | 'startRecheck' | 'finish';

/**
 * A campaign as one table. The office records the chairs' meeting's proposal and the party
 * committee's approval (or refusal) as they happen, opens the questionnaire, closes it for
 * deliberation, publishes the ranking once every department has its quorum (the results go to the
 * party committee and rectification starts), then runs the look-back and closes the campaign when
 * every rectification item has passed it.
 */
export const campaignWorkflow = defineWorkflow<CampaignState, CampaignAction, Campaign, CampaignFacts>({
  name: 'evaluationCampaign',
  stateLabels: campaignStates,
  transitions: [
    { action: 'propose', label: '主席会议提出', from: ['draft'], to: 'proposed', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'reject', label: '党委退回调整', from: ['proposed'], to: 'draft', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'approve', label: '党委批准', from: ['proposed'], to: 'preparing', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'startSurvey', label: '开始调查走访（开放问卷）', from: ['preparing'], to: 'surveying', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'startDeliberation', label: '进入评议审议（关闭问卷）', from: ['surveying'], to: 'deliberating', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'publish', label: '公布评议结果', from: ['deliberating'], to: 'rectifying', roles: ['staff', 'admin'], guard: officeOnly, requires: (_c, f) => f.quorumShort },
    { action: 'startRecheck', label: '开展回头看', from: ['rectifying'], to: 'rechecking', roles: ['staff', 'admin'], guard: officeOnly },
    {
      action: 'finish', label: '结束评议活动', from: ['rechecking'], to: 'done', roles: ['staff', 'admin'], guard: officeOnly,
      requires: (_c, f) => (f.openFindings > 0 ? `还有${f.openFindings}项整改事项未通过回头看` : null),
    },
  ],
});

export type FindingAction = 'allReplied' | 'recheckPassed' | 'recheckFailed';

/**
 * A rectification item: the unit handles it (the handling primitive reports when it has replied),
 * the office's look-back passes it or sends it back for a second round — once; after that only a
 * pass is left and the office follows up in person.
 */
export const findingWorkflow = defineWorkflow<FindingState, FindingAction, Finding>({
  name: 'evaluationFinding',
  stateLabels: findingStates,
  transitions: [
    { action: 'allReplied', label: '部门反馈整改情况', from: ['handling', 'rehandling'], to: 'replied', roles: ['unit', 'staff', 'admin'] },
    { action: 'recheckPassed', label: '回头看通过', from: ['replied'], to: 'passed', roles: ['staff', 'admin'], guard: officeOnly },
    {
      action: 'recheckFailed', label: '回头看未通过，再次整改', from: ['replied'], to: 'rehandling', roles: ['staff', 'admin'],
      guard: (a, f) => officeOnly(a) ?? (f.handlingRound >= 2 ? '已经再次整改过一次' : null),
    },
  ],
});
