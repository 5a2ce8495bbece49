/**
 * 基层协商 / 民生议事会 (grassroots councils): "五方六步" — five parties take part, six steps
 * (收集民意 → 确定议题 → 议前调研 → 协商议事 → 公示公开 → 跟踪落实). A council's state is the step it is at.
 */
export const councilStates = {
  collecting: '收集民意',
  topicSet: '确定议题',
  researching: '议前调研',
  deliberating: '协商议事',
  published: '公示公开',
  following: '跟踪落实',
  done: '落实完毕',
  voided: '已作废',
} as const;
export type CouncilState = keyof typeof councilStates;

/** The six steps in order, as the steps bar shows them (done comes after the last). */
export const councilSteps = ['collecting', 'topicSet', 'researching', 'deliberating', 'published', 'following'] as const satisfies readonly CouncilState[];

/** From 协商议事 on, the members who took part are credited (参加民生议事会). */
export const councilHeldStates: readonly CouncilState[] = ['deliberating', 'published', 'following', 'done'];
/** From 公示公开 on, the result and its agreed items are on the portal. */
export const councilPublicStates: readonly CouncilState[] = ['published', 'following', 'done'];

/** 五方: the parties around the table; only members are linked to an account (their roster entry). */
export const councilParties = {
  party: '党组织',
  government: '政府部门',
  member: '政协委员',
  resident: '居民群众',
  expert: '专家',
} as const;
export type CouncilParty = keyof typeof councilParties;

/** 议定事项: each followed until it is done. */
export const councilItemStates = { open: '落实中', done: '已落实' } as const;
export type CouncilItemState = keyof typeof councilItemStates;
