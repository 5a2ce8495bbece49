import type { CommandContext } from '../commands/context.js';
import type { ActivityOwner } from './owner.js';
import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { officeUserIds } from '../handling/assignments.js';
import { inTransaction } from '../jobs/after-commit.js';
import { notify } from '../notifications/notify.js';
import { authorize } from '../policy/policy.js';
import { getSettings } from '../settings/settings.js';
import { findActivity, subjectOf } from './load.js';
import { notifyMembers } from './notices.js';
import { activityPolicy, leavePolicy } from './policy.js';
import { leaveRequests } from './schema.js';
import { activitySettings } from './settings.js';

export type LeaveRequest = typeof leaveRequests.$inferSelect;
export const leaveStates = { pending: '待审批', approved: '已批准', refused: '未批准', withdrawn: '已撤回' } as const;

/**
 * 请假: an invited member asks to be excused, with a reason. At most the configured number of
 * requests per member and event (default 2: a refused request may be followed by one more); one
 * open request at a time; none once approved.
 */
export async function requestLeave({ database, actor }: CommandContext, owner: ActivityOwner, { activityId, reason }: { activityId: string; reason: string }): Promise<LeaveRequest> {
  return inTransaction(database, async ({ tx }) => {
    const row = await findActivity(tx, actor, activityId);
    const subject = await subjectOf(tx, actor, row);
    authorize(activityPolicy, 'requestLeave', actor, subject);
    const memberId = actor.memberId!;
    // one member's requests for one event are counted under a lock, so two clicks cannot both pass
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`leave:${activityId}:${memberId}`}))`);
    const mine = await tx.select().from(leaveRequests).where(and(eq(leaveRequests.activityId, activityId), eq(leaveRequests.memberId, memberId)));
    if (mine.some((r) => r.status === 'approved')) throw AppError.invalidState('请假已批准，无需再次申请');
    if (mine.some((r) => r.status === 'pending')) throw AppError.invalidState('已有待审批的请假申请');
    const { maxLeaveRequests } = await getSettings(tx, activitySettings, row.committeeId, row.year);
    if (mine.length >= maxLeaveRequests) throw AppError.invalidState(`每次活动最多申请请假${maxLeaveRequests}次`);
    const [created] = await tx.insert(leaveRequests).values({ committeeId: row.committeeId, activityId, memberId, reason }).returning();
    await audit(tx, actor, { action: 'activity.requestLeave', subjectType: 'activity', subjectId: activityId, after: { leaveRequestId: created.id, reason } });
    const approvers = (await Promise.all(subject.approverOffices.map((o) => officeUserIds(tx, row.committeeId, o)))).flat();
    await notify(tx, { committeeId: row.committeeId, userIds: approvers, title: `请假申请：${actor.name}（${row.title}）`, body: reason, link: owner.link(activityId) });
    return created;
  });
}

/** The designated office approves or refuses a pending request (409 when someone else decided first). */
export async function decideLeave({ database, actor, now }: CommandContext, owner: ActivityOwner, { id: requestId, version, approve, note }: { id: string; version: number; approve: boolean; note?: string }): Promise<LeaveRequest> {
  return inTransaction(database, async ({ tx }) => {
    const [request] = await tx.select().from(leaveRequests).where(eq(leaveRequests.id, requestId));
    if (!request || request.committeeId !== actor.committeeId) throw AppError.notFound('请假申请');
    const row = await findActivity(tx, actor, request.activityId);
    const subject = await subjectOf(tx, actor, row);
    authorize(leavePolicy, 'read', actor, { committeeId: request.committeeId, memberId: request.memberId, event: subject });
    authorize(activityPolicy, 'decideLeave', actor, subject);
    if (request.status !== 'pending') throw AppError.invalidState(`该申请${leaveStates[request.status as keyof typeof leaveStates] ?? ''}，不能再审批`);
    if (row.status !== 'scheduled') throw AppError.invalidState('活动考勤已确认，请先重新打开考勤');
    if (request.version !== version) throw AppError.versionConflict();
    const status = approve ? 'approved' : 'refused';
    const [updated] = await tx
      .update(leaveRequests)
      .set({ status, version: version + 1, decidedAt: now, decidedByUserId: actor.userId, decidedByName: actor.name, decisionNote: note ?? null })
      .where(and(eq(leaveRequests.id, requestId), eq(leaveRequests.version, version)))
      .returning();
    if (!updated) throw AppError.versionConflict();
    await audit(tx, actor, { action: approve ? 'activity.approveLeave' : 'activity.refuseLeave', subjectType: 'activity', subjectId: row.id, before: { leaveRequestId: requestId, status: 'pending' }, after: { status }, note });
    await notifyMembers(tx, row.committeeId, [request.memberId], `请假${approve ? '已批准' : '未批准'}：${row.title}`, note ?? '', owner.link(row.id));
    return updated;
  });
}

/** The member withdraws their own pending request. */
export async function withdrawLeave({ database, actor }: CommandContext, { id: requestId, version }: { id: string; version: number }): Promise<LeaveRequest> {
  return inTransaction(database, async ({ tx }) => {
    const [request] = await tx.select().from(leaveRequests).where(eq(leaveRequests.id, requestId));
    if (!request || request.committeeId !== actor.committeeId || request.memberId !== actor.memberId) throw AppError.notFound('请假申请');
    if (request.status !== 'pending') throw AppError.invalidState('只能撤回待审批的申请');
    const [updated] = await tx
      .update(leaveRequests)
      .set({ status: 'withdrawn', version: version + 1 })
      .where(and(eq(leaveRequests.id, requestId), eq(leaveRequests.version, version)))
      .returning();
    if (!updated) throw AppError.versionConflict();
    await audit(tx, actor, { action: 'activity.withdrawLeave', subjectType: 'activity', subjectId: request.activityId, before: { leaveRequestId: requestId, status: 'pending' }, after: { status: 'withdrawn' } });
    return updated;
  });
}

/** The state of a member's leave for an event: the latest decisive request wins (approved beats refused). */
export function leaveStateOf(requests: Pick<LeaveRequest, 'status'>[]): 'approved' | 'refused' | 'pending' | null {
  if (requests.some((r) => r.status === 'approved')) return 'approved';
  if (requests.some((r) => r.status === 'pending')) return 'pending';
  if (requests.some((r) => r.status === 'refused')) return 'refused';
  return null;
}
