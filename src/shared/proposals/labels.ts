/** The words of 提案: states, ways of proposing, review steps. The server's rules use these keys. */

/** The states of a proposal, with their Chinese names. */
export const proposalStates = {
  draft: '草稿',
  submitted: '待预审',
  reviewing: '待复审',
  deciding: '待审定',
  returned: '退回修改',
  withdrawn: '已撤回',
  filed: '已立案（待交办）',
  rejected: '不予立案',
  converted: '已转为意见建议',
  merged: '已并案',
  handling: '办理中',
  replied: '已答复（待评价）',
  rehandling: '二次办理',
  closed: '已办结',
} as const;
export type ProposalState = keyof typeof proposalStates;

/** States before filing: nothing has been sent to a unit yet. */
export const beforeHandlingStates: ProposalState[] = ['draft', 'submitted', 'reviewing', 'deciding', 'returned', 'withdrawn', 'rejected', 'converted', 'merged'];

/** Review steps as the proposal office names them. */
export const reviewStepLabels = { preReview: '预审', reReview: '复审', decision: '审定' } as const;

/** 大会提案 (inside the session's proposal window) or 平时提案; decided by the server at submission. */
export const proposalKinds = { session: '大会提案', ordinary: '平时提案' } as const;
export const authorTypes = { individual: '个人提案', joint: '联名提案', collective: '集体提案' } as const;
export type AuthorType = keyof typeof authorTypes;
export const cosignStatuses = { invited: '待确认', confirmed: '已确认', declined: '已谢绝' } as const;
/** What a proposal not filed as one may be turned into. */
export const conversionTargets = { suggestion: '意见建议', opinion: '社情民意信息' } as const;
/** Whose proposals a list shows. */
export const proposalScopes = ['mine', 'review', 'all', 'unit', 'key', 'led', 'cosign'] as const;

/** The checks a draft goes through before it is sent (提交前检查); each is advice, never a block. */
export const draftingChecks = {
  oneIssue: '一事一案',
  parts: '情况、分析、建议齐全',
  concrete: '建议具体可行',
  title: '案由格式',
  ownEarlier: '本人提过的相同问题',
  channel: '宜走其他渠道',
} as const;
export type DraftingCheck = keyof typeof draftingChecks;
