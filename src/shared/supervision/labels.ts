/**
 * The words of democratic supervision (民主监督): the server writes its rules with these keys, the
 * web shows these names.
 */

/**
 * A supervision suggestion (监督建议) from the group's draft to done: the group drafts and sends it
 * for review, the office (办公室) signs it off and sends it to units through the handling primitive;
 * the group rates the reply (不满意 → 再次办理) and follows up until it marks it done.
 */
export const suggestionStates = {
  draft: '起草中',
  reviewing: '待审核',
  approved: '已签发',
  handling: '办理中',
  replied: '已答复',
  rehandling: '再次办理',
  following: '跟踪落实',
  done: '已办结',
} as const;
export type SuggestionState = keyof typeof suggestionStates;

/** Where a supervision topic (监督议题) comes from. */
export const topicSources = {
  plan: '年度监督计划',
  party: '党委交办',
  proposals: '高频提案议题转化',
} as const;
export type TopicSource = keyof typeof topicSources;

export const groupRoles = { leader: '组长', member: '组员' } as const;
export type GroupRole = keyof typeof groupRoles;

/** The lists of the suggestions page. */
export const suggestionScopes = ['all', 'mine', 'review', 'overdue'] as const;

/** 监督活动的形式: the activity kinds a supervision group's events are scheduled as. */
export const supervisionActivityKinds = { inspection: '视察', research: '调研', forum: '座谈' } as const;
export type SupervisionActivityKind = keyof typeof supervisionActivityKinds;
