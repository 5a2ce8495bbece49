import { newWorkbook } from '../../platform/documents/workbook.js';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { isOverdue } from '../../platform/handling/assignments.js';
import { handlingRoles, ratingLabels } from '../../platform/handling/plan.js';
import { assignments, ratings, replies } from '../../platform/handling/schema.js';
import { labelOf } from '../../../shared/labels.js';
import { suggestionStates } from '../../../shared/supervision/labels.js';
import { loadLookups } from '../org/lookups.js';
import { presentTopics } from './presenter.js';
import { listSuggestions } from './queries.js';
import { supervisionGroups, supervisionTopics } from './schema.js';

const assignmentStates: Record<string, string> = { pending: '待签收', signed: '办理中', objected: '提出异议', done: '已答复', withdrawn: '已撤回' };

/**
 * 民主监督台账 of a year as a workbook: the topics (source, group, source proposals, activities held),
 * and the suggestions the actor may read, one row per unit and round they were sent to — the
 * deadline, the reply (date, class, within the period or overdue) and the group's rating of the round.
 */
export async function registerWorkbook(db: Executor, actor: Actor, year: number, today: string): Promise<Buffer> {
  const topics = await db.select().from(supervisionTopics).where(and(eq(supervisionTopics.committeeId, actor.committeeId), eq(supervisionTopics.year, year))).orderBy(asc(supervisionTopics.createdAt));
  const shownTopics = await presentTopics(db, actor, topics);
  const rows = await listSuggestions(db, actor, { scope: 'all', year }, today);
  rows.sort((a, b) => (a.serial ?? 1e9) - (b.serial ?? 1e9) || a.createdAt.getTime() - b.createdAt.getTime());
  const ids = rows.map((s) => s.id);
  const [sent, answered, rated, groups, lookups] = await Promise.all([
    ids.length ? db.select().from(assignments).where(and(eq(assignments.subjectType, 'supervision'), inArray(assignments.subjectId, ids))).orderBy(asc(assignments.round), asc(assignments.createdAt)) : [],
    ids.length ? db.select().from(replies).where(and(eq(replies.subjectType, 'supervision'), inArray(replies.subjectId, ids), eq(replies.status, 'sent'))) : [],
    ids.length ? db.select().from(ratings).where(and(eq(ratings.subjectType, 'supervision'), inArray(ratings.subjectId, ids))) : [],
    db.select({ id: supervisionGroups.id, name: supervisionGroups.name }).from(supervisionGroups).where(eq(supervisionGroups.committeeId, actor.committeeId)),
    loadLookups(db, actor.committeeId),
  ]);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const topicTitle = new Map(topics.map((t) => [t.id, t.title]));

  const wb = await newWorkbook();
  const t = wb.addWorksheet('监督议题');
  t.addRow(['年度', '议题名称', '议题来源', '承担小组', '来源提案（件）', '监督活动（次）', '其中已结束']);
  for (const x of shownTopics) t.addRow([x.year, x.title, x.sourceLabel, x.groupName ?? '', x.proposals.length, x.activities.length, x.activities.filter((a) => a.status === 'closed').length]);

  const s = wb.addWorksheet('监督建议');
  s.addRow(['编号', '标题', '监督小组', '监督议题', '状态', '起草人', '签发人', '发送日期', '轮次', '被监督单位', '交办方式', '单位办理状态', '反馈期限', '反馈日期', '反馈类别', '是否超期', '办理态度评价', '办理结果评价', '评价意见']);
  for (const x of rows) {
    const head = [x.serial ? `${x.year}年第${x.serial}号` : '', x.title, groupName.get(x.groupId) ?? '', x.topicId ? topicTitle.get(x.topicId) ?? '' : '', labelOf(suggestionStates, x.status), x.draftedByName, x.signedByName ?? '', x.sentOn ?? ''];
    const mine = sent.filter((a) => a.subjectId === x.id);
    if (mine.length === 0) s.addRow([...head, '', '', '', '', '', '', '', '', '', '', '']);
    for (const a of mine) {
      const reply = answered.find((r) => r.subjectId === x.id && r.unitId === a.unitId && r.round === a.round);
      const rating = rated.find((r) => r.subjectId === x.id && r.round === a.round);
      s.addRow([
        ...head, a.round, lookups.units.byId.get(a.unitId) ?? '', labelOf(handlingRoles, a.role), assignmentStates[a.status] ?? a.status, a.replyDeadline,
        reply?.sentAt ? chinaToday(reply.sentAt) : '', reply?.answerClass ?? '', isOverdue(a, today) ? '超期未反馈' : reply?.sentAt && chinaToday(reply.sentAt) > a.replyDeadline ? '超期反馈' : '',
        rating ? labelOf(ratingLabels, rating.attitude) : '', rating ? labelOf(ratingLabels, rating.result) : '', rating?.comment ?? '',
      ]);
    }
  }
  for (const sheet of [t, s]) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.columns.forEach((col, n) => (col.width = n === 1 ? 40 : 14));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
