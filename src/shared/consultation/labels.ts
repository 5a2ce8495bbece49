/** The words of 协商议政 (consultation): where topics come from, the plan's forms and its four reviews. */

/** 选题来源: 党政点题、政协选题、委员荐题、群众出题. */
export const topicSources = {
  party: '党政点题',
  committee: '政协选题',
  member: '委员荐题',
  public: '群众出题',
} as const;
export type TopicSource = keyof typeof topicSources;

/**
 * A suggested topic: a public one waits for moderation (nobody else sees it before), then the office
 * adopts it into the year's plan or declines it with a reason.
 */
export const topicStates = {
  pending: '待审核（群众出题）',
  submitted: '待遴选',
  adopted: '已列入计划',
  declined: '未采纳',
  rejected: '审核未通过',
  withdrawn: '已撤回',
} as const;
export type TopicState = keyof typeof topicStates;

/** 协商形式: the forms a plan's topic is matched to. */
export const consultationForms = {
  plenary: '全体会议协商',
  standingCommittee: '专题议政性常委会议',
  thematic: '专题协商会',
  counterpart: '对口协商',
  sector: '界别协商',
  proposalHandling: '提案办理协商',
  monthly: '月度协商',
  online: '网络议政',
  grassroots: '基层协商',
} as const;
export type ConsultationForm = keyof typeof consultationForms;

/** The plan's states: drafting, then the four reviews (四审) in order, then approved. */
export const planStates = {
  draft: '编制中',
  committeeReview: '专委会基础审查',
  officeReview: '办公室研究审查',
  chairsReview: '主席会议协商审查',
  partyReview: '党委常委会终审',
  approved: '已批准',
} as const;
export type PlanState = keyof typeof planStates;

/** The four review steps, in order (the states a plan waits in). */
export const reviewSteps = ['committeeReview', 'officeReview', 'chairsReview', 'partyReview'] as const satisfies readonly PlanState[];
export type ReviewStep = (typeof reviewSteps)[number];

export const reviewDecisions = { pass: '通过', return: '退回修改' } as const;

/** A planned consultation's own course once the plan is approved. */
export const consultationStates = {
  planned: '计划中',
  scheduled: '已安排',
  held: '已召开',
  reported: '成果已报送',
  following: '跟踪落实中',
  done: '已办结',
} as const;
export type ConsultationState = keyof typeof consultationStates;

export const outcomeKinds = { report: '协商报告', recommendation: '建议案', digest: '《领导参阅》' } as const;
export type OutcomeKind = keyof typeof outcomeKinds;

export const participantKinds = { member: '政协委员', expert: '专家学者', public: '群众代表', department: '部门代表' } as const;
export type ParticipantKind = keyof typeof participantKinds;

export const speechKinds = { oral: '会上发言', written: '书面意见' } as const;
export type SpeechKind = keyof typeof speechKinds;

/** 网络议政室: its course as stored; `roomPhases` adds the clock (not yet open, time up). */
export const roomStates = { open: '开放中', closed: '已结束', summarized: '已形成综述' } as const;
export type RoomState = keyof typeof roomStates;
/** What a person sees: the stored state read against the app's clock. Only `open` takes writes. */
export const roomPhases = { upcoming: '未开始', open: '议政中', closed: '已结束', summarized: '已形成综述' } as const;
export type RoomPhase = keyof typeof roomPhases;

export const postStates = { pending: '待审核', published: '已发布', rejected: '审核未通过', hidden: '已隐藏' } as const;
export type PostState = keyof typeof postStates;

export const pollKinds = { single: '单选', multiple: '多选', ranking: '排序' } as const;
export type PollKind = keyof typeof pollKinds;

/** How members' posts are moderated (a setting): shown at once and hidden if need be, or held for the office first. */
export const memberModeration = { publishFirst: '先发后审', reviewFirst: '先审后发' } as const;

/** 协商质量评价: each question of the questionnaire is answered on this scale. */
export const qualityAnswers = { good: '满意', fair: '基本满意', poor: '不满意' } as const;
export type QualityAnswer = keyof typeof qualityAnswers;
