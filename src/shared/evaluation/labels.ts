/**
 * The words of 民主评议 (evaluation of departments): the server writes its rules with these keys,
 * the web shows these names.
 */

/**
 * A campaign (评议活动) from the office's draft to the look-back: the chairs' meeting proposes the
 * departments (主席会议提出), the party committee approves (党委批准), then the four phases
 * 准备 → 调查走访 → 评议审议 → 整改总结, and 回头看 after rectification.
 */
export const campaignStates = {
  draft: '起草中',
  proposed: '待党委批准',
  preparing: '准备阶段',
  surveying: '调查走访',
  deliberating: '评议审议',
  rectifying: '整改总结',
  rechecking: '回头看',
  done: '已结束',
} as const;
export type CampaignState = keyof typeof campaignStates;

/** The phases a campaign plans dates for, in order (the states they are held in). */
export const campaignPhases = {
  preparing: '准备',
  surveying: '调查走访',
  deliberating: '评议审议',
  rectifying: '整改总结',
  rechecking: '回头看',
} as const;
export type CampaignPhase = keyof typeof campaignPhases;

/** Secret-ballot options per indicator; 不了解 counts towards participation, not towards the score. */
export const ballotChoices = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
  unknown: '不了解',
} as const;
export type BallotChoice = keyof typeof ballotChoices;

/**
 * Who filled a questionnaire: invited members, invited public representatives (特邀群众代表 /
 * 服务对象代表, by a personal link) and the public through the portal when the campaign opens it.
 * Each is counted apart; the results combine them with the weights of the 民主评议 setting.
 */
export const respondentKinds = {
  member: '政协委员',
  representative: '特邀群众代表',
  public: '社会公众',
} as const;
export type RespondentKind = keyof typeof respondentKinds;

/** A rectification item (整改事项) of a department: handled by the unit, then rechecked (回头看). */
export const findingStates = {
  handling: '整改中',
  replied: '已反馈待回头看',
  rehandling: '再次整改',
  passed: '回头看通过',
} as const;
export type FindingState = keyof typeof findingStates;

/** What the ranking names a department: the top N satisfactory, the bottom N followed up closely. */
export const resultGrades = {
  satisfactory: '满意单位',
  focus: '重点跟踪整改',
  ranked: '',
} as const;
export type ResultGrade = keyof typeof resultGrades;
