import { handlingSteps } from '../handling/history.js';
import { historyLabeller } from '../history.js';

/** Audit actions of a proposal (`proposal.file`) as people say them. */
const proposalSteps: Record<string, string> = {
  create: '起草', update: '修改', submit: '提交', withdraw: '撤回', preReview: '预审通过', reReview: '复审通过', file: '立案',
  reject: '不予立案', convert: '转为意见建议', return: '退回修改', merge: '并案', assign: '交办', allReplied: '答复完毕',
  rateSatisfied: '评价', rateUnsatisfied: '评价为不满意（转二次办理）', close: '办结', cosign_confirmed: '确认联名', cosign_declined: '谢绝联名', cosigners: '变更联名委员',
  markKey: '设定重点/优秀提案', publish: '更改门户公开', attach: '上传附件', removeAttachment: '删除附件',
};

/** One line of a proposal's 办理过程: `proposal.file` → 立案; unknown actions show as they are. */
export const proposalHistoryLabel = historyLabeller({ ...handlingSteps, 'proposal.assign_units': '确定承办单位' }, proposalSteps);
