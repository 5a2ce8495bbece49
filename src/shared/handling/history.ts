/** Handling steps on a record's timeline; whole actions, because the last word alone is ambiguous (a unit signs an assignment and a reply). */
export const handlingSteps: Record<string, string> = {
  'assignment.sign': '签收', 'assignment.object': '提出异议', 'assignment.decideObjection': '处理异议',
  'assignment.acceptObjection': '同意异议并改交', 'assignment.refuseObjection': '不同意异议',
  'assignment.requestExtension': '申请延期', 'assignment.decideExtension': '审批延期', 'assignment.approveExtension': '批准延期',
  'assignment.refuseExtension': '不批准延期', 'assignment.sendOpinion': '提交协办意见', 'assignment.sendReply': '本单位办结',
  'reply.draft': '起草答复', 'reply.update': '修改答复', 'reply.redraft': '修改答复', 'reply.sign': '签发答复', 'reply.send': '发送答复', 'promise.record': '登记承诺兑现情况', 'contact.log': '记录沟通', 'instruction.record': '领导批示',
};
