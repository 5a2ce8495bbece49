import { defineWorkflow } from '../../platform/workflow/workflow.js';
import { councilStates, councilSteps, type CouncilState } from '../../../shared/consultation/council-labels.js';
import type { consultationCouncilItems, consultationCouncils } from './schema.js';
import { officeOnly } from './workflow.js';

export type Council = typeof consultationCouncils.$inferSelect;
export type CouncilItem = typeof consultationCouncilItems.$inferSelect;
export type CouncilAction = 'setTopic' | 'research' | 'deliberate' | 'publish' | 'follow' | 'finish' | 'void';

/** What the steps read besides the council: its agreed items. */
export type CouncilFacts = { items: number; itemsOpen: number };

const live: CouncilState[] = ['collecting', 'topicSet', 'researching', 'deliberating', 'published', 'following'];

/**
 * 五方六步: the office (办公室, with the street's liaison group) takes the council through the six
 * steps one by one. Holding it (协商议事) names its day; publishing (公示公开) needs the result;
 * following up (跟踪落实) needs at least one agreed item, and it is done when every item is done.
 * A council recorded by mistake is voided with a reason, its members' credit with it.
 */
export const councilWorkflow = defineWorkflow<CouncilState, CouncilAction, Council, CouncilFacts>({
  name: 'consultationCouncil',
  stateLabels: councilStates,
  transitions: [
    { action: 'setTopic', label: '确定议题', from: ['collecting'], to: 'topicSet', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'research', label: '开展议前调研', from: ['topicSet'], to: 'researching', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'deliberate', label: '召开协商议事', from: ['researching'], to: 'deliberating', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'publish', label: '公示协商结果', from: ['deliberating'], to: 'published', roles: ['staff', 'admin'], guard: officeOnly },
    {
      action: 'follow', label: '跟踪落实', from: ['published'], to: 'following', roles: ['staff', 'admin'], guard: officeOnly,
      requires: (_c, f) => (f.items > 0 ? null : '请先添加议定事项'),
    },
    {
      action: 'finish', label: '落实完毕', from: ['following'], to: 'done', roles: ['staff', 'admin'], guard: officeOnly,
      requires: (_c, f) => (f.itemsOpen === 0 ? null : `还有${f.itemsOpen}项议定事项未落实`),
    },
    { action: 'void', label: '作废', from: live, to: 'voided', roles: ['staff', 'admin'], guard: officeOnly },
  ],
});

/** How many of the six steps a council has reached: 1 while collecting opinions, 6 when following up, 7 done; 0 voided. */
export const stepOf = (status: string): number => (status === 'done' ? 7 : status === 'voided' ? 0 : councilSteps.indexOf(status as (typeof councilSteps)[number]) + 1);
