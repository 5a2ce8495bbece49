import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../db/client.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { isWorkday } from '../../../platform/calendar/workdays.js';
import { loadCalendar } from '../../../platform/calendar/store.js';
import { AppError } from '../../../platform/errors.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import { createRecord, updateRecord } from '../../../platform/records/records.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { members } from '../../members/schema.js';
import { specialCommittees } from '../../org/schema.js';
import { weekdayLabels } from '../../../../shared/members-home/labels.js';
import type { cancelDutyBody, dutyInput } from '../../../../shared/members-home/inputs.js';
import { dutySubjectOf, type DutySubject } from '../load.js';
import { settleDuty } from '../ledger.js';
import { dutyPolicy, homeCollectionPolicy } from '../policy.js';
import { homeDuties, type HomeDutyRow } from '../schema.js';
import { homeSettings } from '../settings.js';

/** 主席会议成员: the positions that sit on the chairs' meeting. */
const chairsMeeting = ['chair', 'viceChair', 'secretaryGeneral'];

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export const weekdayOf = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** Whether the Home opens on a day: one of its weekdays and, when the setting says so, a working day. */
export async function opensOn(db: Executor, committeeId: string, day: string): Promise<boolean> {
  const s = await getSettings(db, homeSettings, committeeId, Number(day.slice(0, 4)));
  if (!s.openWeekdays.includes(weekdayOf(day))) return false;
  return !s.workdaysOnly || isWorkday(await loadCalendar(db), day);
}

/**
 * 排班: the general office or 委员科 puts a member on duty on a day the Home opens — a member of the
 * chairs' meeting as such, or a member as a special committee's director (the committee named).
 * One member once a day.
 */
export async function assignDuty(ctx: CommandContext, input: z.output<typeof dutyInput>): Promise<HomeDutyRow> {
  const { database, actor } = ctx;
  const { db } = database;
  authorize(homeCollectionPolicy, 'create', actor, committeeSubject(actor));
  const [m] = await db.select().from(members).where(and(eq(members.id, input.memberId), eq(members.committeeId, actor.committeeId), eq(members.status, 'active')));
  if (!m) throw AppError.field('memberId', '值班委员', '不是本会在任委员');
  if (input.capacity === 'chair' && !chairsMeeting.includes(m.position)) throw AppError.field('capacity', '值班身份', `${m.name}不是主席会议成员`);
  if (input.capacity === 'director') {
    if (!input.specialCommitteeId) throw AppError.field('specialCommitteeId', '专委会', '专委会负责人值班须选择专委会');
    const [c] = await db.select({ id: specialCommittees.id }).from(specialCommittees).where(and(eq(specialCommittees.id, input.specialCommitteeId), eq(specialCommittees.committeeId, actor.committeeId)));
    if (!c) throw AppError.field('specialCommitteeId', '专委会', '不是本会的专委会');
  }
  if (!(await opensOn(db, actor.committeeId, input.day))) {
    const s = await getSettings(db, homeSettings, actor.committeeId, Number(input.day.slice(0, 4)));
    throw AppError.field('day', '值班日期', `委员之家该日不开放（开放日：${s.openWeekdays.map((d) => weekdayLabels[d]).join('、')}${s.workdaysOnly ? '，节假日除外' : ''}）`);
  }
  const [same] = await db.select({ id: homeDuties.id }).from(homeDuties).where(and(eq(homeDuties.committeeId, actor.committeeId), eq(homeDuties.day, input.day), eq(homeDuties.memberId, input.memberId), eq(homeDuties.status, 'active')));
  if (same) throw AppError.field('memberId', '值班委员', `${m.name}当天已排班`);
  return createRecord<HomeDutyRow>(database, {
    table: homeDuties, policy: dutyPolicy, collection: homeCollectionPolicy, actor,
    values: { ...input, specialCommitteeId: input.capacity === 'director' ? input.specialCommitteeId : null, status: 'active', createdByUserId: actor.userId },
  });
}

/** 取消值班 (the member is away): only while no visit was logged on it; the reason is kept. */
export async function cancelDuty(ctx: CommandContext, { id, version, reason }: { id: string } & z.output<typeof cancelDutyBody>): Promise<HomeDutyRow> {
  return updateRecord<HomeDutyRow, DutySubject>(ctx.database, {
    table: homeDuties, policy: dutyPolicy, subjectOf: (row, db) => dutySubjectOf(db, row), actor: ctx.actor, id, version, action: 'cancel',
    changes: { status: 'cancelled', cancelReason: reason },
    alsoDo: async (row, _before, { tx }) => settleDuty(tx, row.id, ctx.now),
  });
}
