/** The words of 调研视察 (research and inspection): where topics come from, the group, the report's review. */

/** 课题来源: the office enters it, or it comes from a special committee's work plan. */
export const researchSources = {
  office: '办公室安排',
  specialCommittee: '专委会工作计划',
} as const;
export type ResearchSource = keyof typeof researchSources;

/** 调研视察的形式: the activity kind its visits are scheduled as. */
export const researchForms = { research: '专题调研', inspection: '专项视察' } as const;
export type ResearchForm = keyof typeof researchForms;

/** A place in the group: a member volunteers, the office confirms or declines; the office names the lead. */
export const memberStates = { volunteered: '报名待确认', confirmed: '已确认', declined: '未确认' } as const;
export type MemberState = keyof typeof memberStates;
export const memberRoles = { lead: '组长', member: '组员' } as const;

/** 调研报告: written by the group, reviewed by the special committee and the office, then final. */
export const reportStates = {
  drafting: '起草中',
  committeeReview: '专委会审核',
  officeReview: '办公室审核',
  final: '已定稿',
} as const;
export type ReportState = keyof typeof reportStates;

/**
 * 成果转化: what a finished report becomes. The office alone turns it into a plenary speech (大会发言,
 * in the lead's name with the group) or a 直通车 report for the leaders' direct reference.
 */
export const conversionKinds = {
  collectiveProposal: '集体提案',
  memberProposal: '委员提案',
  opinion: '社情民意信息',
  speech: '大会发言',
  direct: '社情民意直通车',
} as const;
export type ConversionKind = keyof typeof conversionKinds;
