import { handlingSteps } from '../handling/history.js';
import { historyLabeller } from '../history.js';

/** Audit actions of a proposal (`proposal.file`) as people say them. */
const proposalSteps: Record<string, string> = {
  create: '起草', update: '修改', submit: '提交', withdraw: '撤回', preReview: '预审通过', reReview: '复审通过', file: '立案',
  reject: '不予立案', convert: '转为意见建议', return: '退回修改', merge: '并案', assign: '交办', allReplied: '答复完毕',
  rateSatisfied: '评价', rateUnsatisfied: '评价为不满意（转二次办理）', close: '办结', cosign_confirmed: '确认联名', cosign_declined: '谢绝联名', cosigners: '变更联名委员',
  markKey: '设定重点/优秀提案', publish: '更改门户公开', attach: '上传附件', removeAttachment: '删除附件',
};

/** 重点提案督办 and 优秀提案 steps, on the proposal's timeline with their date and text. */
const keySteps: Record<string, string> = {
  'keyProposal.shortlist': '列为拟重点提案', 'keyProposal.select': '主席会议确定为重点提案', 'keyProposal.decline': '主席会议未确定为重点提案',
  'keyProposal.review': '领导阅批', 'keyProposal.schedule': '领导调度', 'keyProposal.signOff': '领导阅签',
  'excellentProposal.nominate': '推荐为优秀提案', 'excellentProposal.review': '优秀提案初审通过', 'excellentProposal.decide': '评定为优秀提案',
  'excellentProposal.publish': '优秀提案在门户公布', 'excellentProposal.reject': '未评为优秀提案',
};

/** One line of a proposal's 办理过程: `proposal.file` → 立案; unknown actions show as they are. */
export const proposalHistoryLabel = historyLabeller({ ...handlingSteps, ...keySteps, 'proposal.assign_units': '确定承办单位' }, proposalSteps);
