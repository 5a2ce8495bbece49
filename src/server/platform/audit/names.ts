import { and, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';

/**
 * The audit trail as an auditor reads it: Chinese action names ("提案·立案", not proposal.file)
 * and each record by its title or number instead of a UUID, and a search by those names. Actions
 * are `<subject>.<verb>`; the subject and verb tables below cover every module's audit actions,
 * modules name their records in their manifests (`auditSubjects`, usually `namedAuditSubject`). An unknown code shows as it is.
 */
const subjectNames: Record<string, string> = {
  proposal: '提案', opinion: '社情民意', opinionIssue: '社情民意期刊', activity: '会议活动', meeting: '会议活动', speech: '大会发言', plenarySpeech: '大会发言',
  auth: '账号', user: '用户', notification: '站内通知', notificationPrefs: '消息接收设置', member: '委员', settings: '规则设置', calendar: '工作日历', committee: '政协', performance: '履职考核',
  assignment: '交办', reply: '答复', contact: '沟通', instruction: '批示', leave: '请假', attachment: '附件',
  outreachContact: '民情日记', outreachDeed: '办实事', outreachService: '公益活动', outreachCouncil: '民生议事会', outreachPartner: '结对群众', partners: '结对群众',
  contacts: '民情日记', deeds: '办实事', services: '公益活动', councils: '民生议事会', demo: '演示数据', scale: '演示数据',
  livelihoodRequest: '民生诉求', studio: '委员工作室', studioQuestion: '委员工作室线上咨询', consultationTopic: '协商选题', consultationPlan: '年度协商计划', consultation: '协商活动', consultationItem: '协商建议', consultationRoom: '网络议政室', consultationRoomPost: '议政发言', consultationCouncil: '基层协商议事会', consultationCouncils: '基层协商议事会',
  keyProposal: '重点提案', excellentProposal: '优秀提案', proposalTopic: '提案参考选题', opinionContactPoint: '社情民意联系点',
  joint: '联合视察调研', researchTopic: '调研课题', researchReport: '调研报告', researchItem: '调研建议',
  summary: '年度工作报告', supervision: '民主监督', supervisionGroup: '民主监督小组', supervisionTopic: '监督议题', supervisionSuggestion: '监督建议', specialSupervisor: '特约监督员',
  evaluationCampaign: '民主评议', evaluationFinding: '民主评议整改事项',
  newsPost: '新闻公告', newsPosts: '新闻公告',
  homeDuty: '委员之家值班', homeVisit: '委员之家接待', homeSuggestion: '委员之家工作建议', membersHome: '委员之家',
  learningItem: '每日一学', readingGroup: '读书小组', readingCheckin: '读书打卡', learning: '学习',
  term: '届次', session: '会议', sector: '界别', unit: '承办单位', org: '组织机构', audit: '审计日志', security: '安全设置',
};

const verbNames: Record<string, string> = {
  create: '新建', update: '修改', edit: '编辑', delete: '删除', remove: '删除', submit: '提交', withdraw: '撤回', preReview: '预审', reReview: '复审',
  file: '立案', reject: '不予立案', convert: '转为意见建议', return: '退回修改', merge: '并案', assign: '交办', assign_units: '交办部门', allReplied: '答复完毕',
  rateSatisfied: '评价满意', rateUnsatisfied: '评价不满意', rate: '评价', close: '办结', reopen: '重新打开', cancel: '取消', cosign_confirmed: '确认联名', cosign_declined: '谢绝联名', cosigners: '变更联名委员',
  // proposal.markKey: the retired direct marking (now 重点提案督办 and 优秀提案), named for the rows it left
  markKey: '设定重点或优秀', publish: '发布', attach: '上传附件', removeAttachment: '删除附件', import: '导入', import_create: '导入新建', import_update: '导入更新',
  login: '登录', logout: '退出登录', login_failed: '登录失败', password_changed: '修改密码', password_reset: '重置密码', locked: '锁定', unlock: '解锁',
  sign: '签收或签发', object: '提出异议', decideObjection: '处理异议', requestExtension: '申请延期', decideExtension: '审批延期', approveExtension: '批准延期', sendReply: '发送答复', sendOpinion: '提交协办意见',
  draft: '起草', send: '报送或发送', record: '记录', followUp: '记录落实', log: '记录', checkIn: '签到', recordAttendance: '登记考勤', requestLeave: '请假',
  withdrawLeave: '撤回请假', decideLeave: '审批请假', reply: '回复', attachFile: '上传材料', removeFile: '移除材料', notice: '发布节假日安排', seed: '载入',
  remind: '发送履职提醒', deadlinesRecomputed: '按放假安排重算期限', adopt: '采用', decline: '不采用', recordAdoption: '记录采用', fromProposal: '由提案转来', fromResearch: '由调研报告转来', adoptIncoming: '上级政协采用',
  declineIncoming: '上级政协未采用', approve: '审核', approveLeave: '批准请假', refuseLeave: '不批准请假', rejectLeave: '不批准请假', combine: '综合',
  passCommittee: '专委会基础审查通过', passOffice: '办公室研究审查通过', passChairs: '主席会议协商审查通过', revise: '调整计划',
  saveVersion: '保存版本', schedule: '安排', hold: '召开', report: '报送成果', finish: '办结', addParticipant: '添加参加人员', speech: '记录发言',
  route: '分办', start: '接办', answer: '答复', profile: '编辑公开信息', unpublish: '取消公开', toProposal: '转为提案草稿', toOpinion: '转为社情民意信息',
  addItem: '列入议题', updateItem: '调整议题', removeItem: '移出议题', unadopt: '移出计划',
  plan: '修改调研方案', volunteer: '报名', confirmMember: '确认组员', declineMember: '不予确认组员', lead: '确定组长', visit: '安排实地调研',
  invite: '邀请下级政协委员', sendUp: '报送上级政协', selectWritten: '选为书面发言', selectOral: '选为口头发言', selectNotUsed: '不采用', notUsed: '不采用', sign_off: '签发', end: '解除', complete: '办结', select: '遴选', roles: '变更角色', activate: '启用', deactivate: '停用',
  propose: '提出', startSurvey: '开放问卷', startDeliberation: '进入评议审议', startRecheck: '开展回头看', respond: '提交评议问卷', recheckPassed: '回头看通过', recheckFailed: '回头看未通过',
};

const whole: Record<string, string> = { 'auth.login': '登录', 'auth.logout': '退出登录', 'auth.password_changed': '修改密码', 'settings.update': '修改规则设置', 'promise.record': '答复·登记承诺兑现情况', 'demo.seed': '载入演示数据',
  // a campaign's decisions are the chairs' meeting's and the party committee's, not a review of a proposal
  'evaluationCampaign.propose': '民主评议·主席会议提出', 'evaluationCampaign.approve': '民主评议·党委批准', 'evaluationCampaign.reject': '民主评议·党委退回调整',
  'evaluationCampaign.publish': '民主评议·公布结果', 'evaluationCampaign.finish': '民主评议·结束',
  'evaluationCampaign.addRepresentative': '民主评议·邀请特邀群众代表', 'evaluationCampaign.revokeRepresentative': '民主评议·收回代表评议链接',
  'evaluationCampaign.reissueRepresentative': '民主评议·重新生成代表评议链接', 'evaluationCampaign.respondRepresentative': '民主评议·特邀群众代表提交评议问卷',
  'evaluationCampaign.respondPublic': '民主评议·社会公众提交评议问卷',
  'livelihoodRequest.decline': '民生诉求·不予办理', 'homeDuty.create': '委员之家·排班', 'homeDuty.cancel': '委员之家·取消值班', 'homeVisit.create': '委员之家·登记接待', 'livelihoodRequest.create': '民生诉求·群众提交', 'studioQuestion.create': '委员工作室·群众线上咨询',
  'supervisionGroup.schedule': '民主监督小组·安排监督活动',
  'learningItem.create': '每日一学·起草', 'learningItem.learn': '每日一学·标记已学', 'readingGroup.members': '读书小组·变更成员', 'readingGroup.close': '读书小组·结束',
  'readingCheckin.create': '读书打卡·打卡', 'readingCheckin.feature': '读书打卡·评为优秀心得', 'readingCheckin.unfeature': '读书打卡·取消优秀心得',
  'consultation.keyProposals': '协商活动·选定所议重点提案',
  'joint.cancelPart': '联合视察调研·取消区政协参加', 'joint.reopenPart': '联合视察调研·恢复区政协参加',
  'keyProposal.shortlist': '重点提案·列为拟重点', 'keyProposal.select': '重点提案·主席会议确定', 'keyProposal.decline': '重点提案·主席会议未确定',
  'keyProposal.review': '重点提案·领导阅批', 'keyProposal.schedule': '重点提案·领导调度', 'keyProposal.signOff': '重点提案·领导阅签',
  'excellentProposal.nominate': '优秀提案·推荐', 'excellentProposal.review': '优秀提案·初审通过', 'excellentProposal.decide': '优秀提案·评定',
  'excellentProposal.publish': '优秀提案·在门户公布', 'excellentProposal.reject': '优秀提案·不予评定',
  'proposalTopic.create': '提案参考选题·拟定', 'proposalTopic.update': '提案参考选题·修改', 'proposalTopic.publish': '提案参考选题·发布', 'proposalTopic.withdraw': '提案参考选题·撤回',
  'opinionContactPoint.create': '社情民意联系点·设立', 'opinionContactPoint.update': '社情民意联系点·修改',
  'consultationRoom.close': '网络议政室·结束议政', 'consultationRoom.reopen': '网络议政室·重新开放', 'consultationRoom.summarize': '网络议政室·形成议政综述',
  'consultationRoom.addPoll': '网络议政室·发起投票', 'consultationRoom.vote': '网络议政室·投票',
  'consultationRoomPost.create': '议政发言·委员发言', 'consultationRoomPost.createPublic': '议政发言·网友发言', 'consultationRoomPost.support': '议政发言·支持',
  'consultationRoomPost.approve': '议政发言·审核通过', 'consultationRoomPost.reject': '议政发言·不予发布', 'consultationRoomPost.hide': '议政发言·隐藏',
  'consultationCouncil.setTopic': '基层协商议事会·确定议题', 'consultationCouncil.research': '基层协商议事会·开展议前调研', 'consultationCouncil.deliberate': '基层协商议事会·召开协商议事',
  'consultationCouncil.publish': '基层协商议事会·公示协商结果', 'consultationCouncil.follow': '基层协商议事会·跟踪落实', 'consultationCouncil.finish': '基层协商议事会·落实完毕',
  'consultationCouncil.void': '基层协商议事会·作废', 'consultationCouncil.addParticipant': '基层协商议事会·添加参加人员', 'consultationCouncil.removeParticipant': '基层协商议事会·移除参加人员',
  'consultationCouncil.addItem': '基层协商议事会·记录议定事项', 'consultationCouncil.updateItem': '基层协商议事会·跟踪落实议定事项',
  'researchTopic.convert': '调研课题·成果转化', 'researchTopic.assign': '调研课题·建议交部门落实', 'researchReport.passCommittee': '调研报告·专委会审核通过', 'researchReport.passOffice': '调研报告·办公室审核定稿' };

/** "提案·立案" for proposal.file; the code itself when a part is unknown. */
export function auditActionLabel(action: string): string {
  if (whole[action]) return whole[action];
  const dot = action.indexOf('.');
  if (dot < 0) return verbNames[action] ?? action;
  const subject = subjectNames[action.slice(0, dot)];
  const verb = verbNames[action.slice(dot + 1)];
  return subject && verb ? `${subject}·${verb}` : action;
}

export const auditSubjectLabel = (type: string) => subjectNames[type] ?? type;

export interface AuditSubject {
  /** each record's title or number, for the ids asked */
  titles(db: Executor, committeeId: string, ids: string[]): Promise<Map<string, string>>;
  /** the ids of records whose title or number contains the text */
  find(db: Executor, committeeId: string, text: string): Promise<string[]>;
}

const like = (text: string) => `%${text.replace(/[%_\\]/g, (c) => '\\' + c)}%`;

/**
 * A record type named by some of its columns, scoped to the committee: `title` gets the columns'
 * values in order, and a search looks in each of them (dates too, as written: 2026-03-03).
 * `reach` widens the scope to records of other committees this committee's trail also writes
 * about (a report sent up to it).
 *
 * @example namedAuditSubject(members, [members.name, members.code], ([name, code]) => `${name}（${code}）`)
 */
export function namedAuditSubject(
  table: PgTable & { id: PgColumn; committeeId: PgColumn },
  columns: PgColumn[],
  title: (values: unknown[]) => string,
  o: { reach?: (committeeId: string) => SQL } = {},
): AuditSubject {
  const select = Object.fromEntries([['id', table.id], ...columns.map((c, i) => [`c${i}`, c])]) as Record<string, PgColumn>;
  const scope = (committeeId: string) => (o.reach ? or(eq(table.committeeId, committeeId), o.reach(committeeId))! : eq(table.committeeId, committeeId));
  return {
    async titles(db, committeeId, ids) {
      const rows = await db.select(select).from(table).where(and(scope(committeeId), inArray(table.id, ids)));
      return new Map(rows.map((r) => [String(r.id), title(columns.map((_, i) => r[`c${i}`]))]));
    },
    async find(db, committeeId, text) {
      const rows = await db.select({ id: table.id }).from(table).where(and(scope(committeeId), or(...columns.map((c) => ilike(sql`${c}::text`, like(text)) as SQL)))).limit(500);
      return rows.map((r) => String(r.id));
    },
  };
}

/** The audit subjects of every module, by type (`defineModule({ auditSubjects })`). */
export type AuditSubjects = ReadonlyMap<string, AuditSubject>;

/** Titles of the records of a page of audit rows, keyed `type:id`. */
export async function auditTitles(db: Executor, subjects: AuditSubjects, committeeId: string, rows: { subjectType: string; subjectId: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byType = new Map<string, string[]>();
  for (const r of rows) if (subjects.has(r.subjectType)) byType.set(r.subjectType, [...new Set([...(byType.get(r.subjectType) ?? []), r.subjectId])]);
  for (const [type, ids] of byType) {
    const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (uuids.length === 0) continue;
    for (const [id, title] of await subjects.get(type)!.titles(db, committeeId, uuids)) out.set(`${type}:${id}`, title);
  }
  return out;
}

/** Every `type:id` whose record's title or number contains the text. */
export async function findAuditSubjects(db: Executor, subjects: AuditSubjects, committeeId: string, text: string): Promise<{ type: string; ids: string[] }[]> {
  const found = [];
  for (const [type, s] of subjects) {
    const ids = await s.find(db, committeeId, text);
    if (ids.length) found.push({ type, ids });
  }
  return found;
}
