import type { CommandContext } from '../commands/context.js';
import type { ActivityOwner } from './owner.js';
import { and, eq, gte, lte } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { plenarySessions, terms } from '../../modules/org/schema.js';
import { audit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { assertOwnedIds } from '../tenancy/owned.js';
import { inTransaction } from '../jobs/after-commit.js';
import { authorize, committeeSubject } from '../policy/policy.js';
import { addInvitees, expandScopes } from './invitations.js';
import { chinaToday as chinaDay } from '../calendar/workdays.js';
import { notifyMembers } from './notices.js';
import { activityCollectionPolicy } from './policy.js';
import { activities } from './schema.js';
import type { ActivityInput } from './schedule.js';
import type { Activity } from './workflow.js';

export interface HalfDay {
  startsAt: Date;
  endsAt: Date;
}

/** The committee's plenary session (次会议) whose dates include `day`, if any. */
async function sessionOn(tx: Tx, committeeId: string, day: string): Promise<string | null> {
  const [s] = await tx
    .select({ id: plenarySessions.id })
    .from(plenarySessions)
    .innerJoin(terms, eq(terms.id, plenarySessions.termId))
    .where(and(eq(terms.committeeId, committeeId), lte(plenarySessions.startDate, day), gte(plenarySessions.endDate, day)))
    .limit(1);
  return s?.id ?? null;
}

const dayPart = (d: Date) => {
  const local = new Date(d.getTime() + 8 * 3600_000);
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日${local.getUTCHours() < 12 ? '上午' : '下午'}`;
};

/**
 * 全体会议按半天安排: a plenary session is scheduled as one event per half-day, so attendance,
 * leave and points count per half-day (Minhang: 5 points per half-day). All half-days are created
 * in one transaction with one audit row each and the same invitees; members get one notice.
 */
export async function scheduleHalfDays({ database, actor }: CommandContext, owner: ActivityOwner, { halfDays, ...input }: Omit<ActivityInput, 'startsAt' | 'endsAt'> & { halfDays: HalfDay[] }): Promise<Activity[]> {
  authorize(activityCollectionPolicy, 'create', actor, committeeSubject(actor));
  const sorted = [...halfDays].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  sorted.forEach((h, i) => {
    const field = `halfDays.${i}.endsAt`;
    if (h.endsAt <= h.startsAt) throw AppError.field(field, '结束时间', '应晚于开始时间');
    if (h.endsAt.getTime() - h.startsAt.getTime() > 12 * 3600_000) throw AppError.field(field, '结束时间', '半天会议不超过12小时');
    if (i > 0 && h.startsAt < sorted[i - 1].endsAt) throw AppError.field(`halfDays.${i}.startsAt`, '开始时间', '与前一个半天重叠');
  });
  await assertOwnedIds(database.db, plenarySessions, [input.sessionId], actor.committeeId, 'sessionId', '所属大会');
  const memberIds = await expandScopes(database.db, actor.committeeId, input.invitations);
  const { invitations, ...fields } = input;
  return inTransaction(database, async ({ tx }) => {
    // the half-days are one plenary session (次会议): named, or the committee's session on those dates
    const sessionId = fields.sessionId ?? (await sessionOn(tx, actor.committeeId, chinaDay(sorted[0].startsAt)));
    const created: Activity[] = [];
    for (const h of sorted) {
      const [row] = await tx
        .insert(activities)
        .values({
          ...fields, sessionId, committeeId: actor.committeeId, ownerType: owner.type, title: `${input.title}（${dayPart(h.startsAt)}）`, startsAt: h.startsAt, endsAt: h.endsAt,
          year: Number(chinaDay(h.startsAt).slice(0, 4)), organiserOffice: actor.office ?? 'general', invitationScopes: invitations, createdByUserId: actor.userId,
        })
        .returning();
      await audit(tx, actor, { action: 'activity.create', subjectType: 'activity', subjectId: row.id, after: row });
      await addInvitees(tx, row, memberIds);
      created.push(row);
    }
    const first = created[0];
    const when = created.map((a) => dayPart(a.startsAt)).join('、');
    await notifyMembers(tx, first.committeeId, memberIds, `会议通知：${input.title}`, `${first.location} ${when}${first.mandatory ? '（须出席，不能出席请逐个半天请假）' : ''}`, owner.link(first.id));
    return created;
  });
}
