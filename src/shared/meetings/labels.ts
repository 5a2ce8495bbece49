/** The words of meetings and activities (platform/activity): kinds, attendance outcomes, invitation scopes. */

/**
 * The kinds of scheduled events, with their Chinese names. A plenary (全体会议) event is one
 * half-day of the yearly session, so attendance and points count per half-day.
 */
export const activityKinds = {
  plenary: '全体会议',
  standingCommittee: '常委会议',
  chairs: '主席会议',
  specialCommittee: '专委会会议',
  activityDay: '委员活动日',
  reading: '读书活动',
  training: '培训',
  inspection: '视察',
  research: '调研',
  /** 座谈: a forum with a department or the public, e.g. a supervision group's 座谈会 */
  forum: '座谈',
  consultation: '协商活动',
} as const;
export type ActivityKind = keyof typeof activityKinds;
export const activityKindList = Object.keys(activityKinds) as [ActivityKind, ...ActivityKind[]];

/**
 * What attendance came to once the event is closed (platform/activity writes the ledger kind
 * `activity.<kind>.<outcome>`). `none` (did not attend an event that was not mandatory) writes
 * nothing and costs nothing.
 */
export const outcomeLabels = {
  attended: '出席',
  excused: '请假（已批准）',
  absent: '缺席（未请假）',
  leaveRefused: '缺席（请假未批准）',
  none: '未参加（非必须出席）',
} as const;
export type Outcome = keyof typeof outcomeLabels;

/** Who may be invited: everyone, one special committee, one sector, one studio, or named members. */
export const scopeTypeLabels = { everyone: '全体委员', specialCommittee: '专委会', sector: '界别', studio: '委员工作室', members: '指定委员' } as const;
