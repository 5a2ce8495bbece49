import { instructionLevels, type InstructionLevel } from '../handling/labels.js';

/** The words of 社情民意信息 (opinion reports) and of the periodical they are adopted into. */

/** The states of a report, with their Chinese names. */
export const opinionStates = {
  draft: '草稿',
  submitted: '待处理',
  adopted: '已采用',
  declined: '未采用',
  combined: '已综合',
  withdrawn: '已撤回',
} as const;
export type OpinionState = keyof typeof opinionStates;

/** The states of an issue (期) of 《社情民意》. */
export const issueStates = { draft: '编辑中', approved: '已审核', signed: '已签发', published: '已印发' } as const;
export type IssueState = keyof typeof issueStates;

/** Levels of adoption and instruction, lowest first (the same levels as any instruction). */
export const levels = instructionLevels;
export type Level = InstructionLevel;
export const adoptionModes = { alone: '单篇采用', digest: '综合采用' } as const;
export const sendKinds = { partyCommittee: '党委', government: '政府', higherCommittee: '上级政协', department: '部门' } as const;
/** Who a report is from, as lists show it. */
export const authorTypes = { member: '委员', party: '党派团体', specialCommittee: '专委会', lowerCommittee: '下级政协', combined: '综合' } as const;
/** The ways of sending a report a writer chooses from (a combined report is made by the office). */
export const authorChoices = { member: '委员个人', party: '党派团体', specialCommittee: '专委会', lowerCommittee: '下级政协' } as const;
/** What became of a report sent up to the parent committee. */
export const sendStatuses = { sent: '待上级处理', adopted: '上级已采用', declined: '上级未采用' } as const;
export const opinionScopes = ['mine', 'queue', 'all', 'incoming', 'unit'] as const;
