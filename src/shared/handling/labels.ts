/**
 * The words of handling (交办-办理-答复-评价), shared by every handled type: the server writes its
 * rules with these keys, the web shows these names.
 */

/** Assignment roles (交办方式) with their Chinese names. */
export const handlingRoles = {
  sole: '单办',
  lead: '主办',
  assisting: '协办',
  joint: '会办',
  split: '分办',
} as const;
export type HandlingRole = keyof typeof handlingRoles;

/** An assignment's own state: 待签收 → 办理中 (or 已提异议) → 已办结, or 已撤回 when moved to another unit. */
export const assignmentStatusLabels = {
  assigned: '待签收',
  signed: '办理中',
  objected: '已提异议',
  done: '已办结',
  withdrawn: '已撤回',
} as const;
export type AssignmentStatus = keyof typeof assignmentStatusLabels;

export const replyStatusLabels = { draft: '草稿', signed: '已签发', sent: '已发送' } as const;
export type ReplyStatus = keyof typeof replyStatusLabels;

export const extensionStatusLabels = { pending: '待审批', approved: '已批准', refused: '未批准' } as const;
export type ExtensionStatus = keyof typeof extensionStatusLabels;

export const ratingLabels = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' } as const;
export type RatingValue = keyof typeof ratingLabels;

export const contactStages = { before: '办前沟通', during: '办中协商', after: '办后反馈' } as const;
export type ContactStage = keyof typeof contactStages;
export const contactMethods = { visit: '走访', phone: '电话', meeting: '座谈', message: '书面/网络' } as const;
export type ContactMethod = keyof typeof contactMethods;

/** 承诺兑现情况: what became of a promise (列入计划) once its date was due. */
export const promiseOutcomes = { kept: '已兑现', partly: '部分兑现', broken: '未兑现' } as const;
export type PromiseOutcome = keyof typeof promiseOutcomes;
/** Where a promise stands: its date not yet come, due with no outcome recorded, or recorded. */
export const promiseStates = { pending: '未到期', due: '到期待登记', recorded: '已登记' } as const;
export type PromiseState = keyof typeof promiseStates;

/** 批示层级 */
export const instructionLevels = { district: '区级', city: '市级', province: '省级', national: '全国' } as const;
export type InstructionLevel = keyof typeof instructionLevels;

/** The handled types and what they are called. */
export const handledTypes = { proposal: '提案', opinion: '社情民意信息', supervision: '监督建议', consultationItem: '协商建议', evaluationFinding: '民主评议整改事项', researchItem: '调研建议' } as const;
export type HandledType = keyof typeof handledTypes;

export { keysOf } from '../labels.js';
