import { handlingSteps } from '../handling/history.js';
import { historyLabeller } from '../history.js';

/** Audit actions on a report's timeline besides its workflow steps (whose labels the workflow table gives). */
export const opinionSteps: Record<string, string> = {
  'opinion.create': '新建', 'opinion.update': '修改草稿', 'opinion.edit': '编辑', 'opinion.send': '记录报送', 'opinion.recordAdoption': '记录采用',
  'opinion.adoptIncoming': '上级政协采用', 'opinion.declineIncoming': '上级政协未采用', 'opinion.assign_units': '交办部门', 'opinion.allReplied': '部门答复完毕',
  'opinion.attach': '上传附件', 'opinion.removeAttachment': '删除附件', 'instruction.record': '记录批示', 'instruction.followUp': '记录批示落实',
  'assignment.sign': '部门签收', 'reply.draft': '部门起草答复', 'reply.sign': '部门签发答复', 'reply.send': '部门答复',
};

/**
 * One line of a report's timeline; `workflowSteps` are `opinion.<action>` → the workflow's own label.
 * The handling steps every handled type shares (申请延期, 审批延期, 提出异议 …) come first, the
 * report's own words for the same steps (部门签收) override them.
 */
export const opinionHistoryLabeller = (workflowSteps: Record<string, string>) => historyLabeller({ ...handlingSteps, ...opinionSteps, ...workflowSteps });
