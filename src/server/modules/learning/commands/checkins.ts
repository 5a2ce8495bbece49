import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { recordLedger } from '../../../platform/ledger/ledger.js';
import { ledgerEntries } from '../../../platform/ledger/schema.js';
import { authorize } from '../../../platform/policy/policy.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { learningKinds } from '../../../../shared/learning/labels.js';
import type { checkinInput, featureBody } from '../../../../shared/learning/inputs.js';
import { loadCheckin, loadGroup } from '../load.js';
import { checkinPolicy, groupPolicy } from '../policy.js';
import { readingCheckins, readingGroups, type ReadingCheckinRow } from '../schema.js';
import { learningSettings } from '../settings.js';

const daysBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86400000).toISOString().slice(0, 10);

/**
 * 打卡: a member of an open group records what they read on a day (today unless they say), with a
 * note if they wish. The day is within the group's period, not in the future, and at most
 * `checkinBackDays` (a setting) back. One check-in per member, group and day: a second one for the
 * same day is refused (409, 该日已打卡) rather than overwriting the first — a note others read and
 * staff may have featured does not change under them. Writes the member's ledger entry
 * (learning.reading, the group as its source) and the audit row, in one transaction.
 */
export async function checkIn(ctx: CommandContext, { groupId, ...input }: { groupId: string } & z.output<typeof checkinInput>): Promise<ReadingCheckinRow> {
  const { database, actor, today, now } = ctx;
  const group = await loadGroup(database.db, actor, groupId);
  if (actor.memberId && group.memberIds.includes(actor.memberId) && group.status !== 'open') throw AppError.invalidState('读书小组已结束，不能再打卡');
  authorize(groupPolicy, 'checkin', actor, group);
  const day = input.day ?? today;
  if (day > today) throw AppError.field('day', '打卡日期', '不能晚于今天');
  if (day < group.startsOn || day > group.endsOn) throw AppError.field('day', '打卡日期', `应在读书期间（${group.startsOn}至${group.endsOn}）内`);
  const { checkinBackDays } = await getSettings(database.db, learningSettings, group.committeeId, Number(today.slice(0, 4)));
  if (day < daysBefore(today, checkinBackDays)) throw AppError.field('day', '打卡日期', checkinBackDays ? `只能补打最近${checkinBackDays}天的卡` : '只能为今天打卡');
  const memberId = actor.memberId!;
  return inTransaction(database, async ({ tx }) => {
    // under the group's row lock: a group closed meanwhile takes no more check-ins
    const [locked] = await tx.select({ status: readingGroups.status }).from(readingGroups).where(eq(readingGroups.id, groupId)).for('update');
    if (locked?.status !== 'open') throw AppError.invalidState('读书小组已结束，不能再打卡');
    const [row] = await tx
      .insert(readingCheckins)
      .values({ committeeId: group.committeeId, groupId, memberId, day, reading: input.reading, note: input.note })
      .onConflictDoNothing()
      .returning();
    if (!row) throw AppError.invalidState(`${day}已经打过卡，每天只能打卡一次`);
    await recordLedger(tx, [{ committeeId: group.committeeId, memberId, kind: learningKinds.reading, day, sourceType: 'readingGroup', sourceId: groupId, part: 'lead', note: `《${group.bookTitle}》${input.reading}` }]);
    await audit(tx, actor, { action: 'readingCheckin.create', subjectType: 'readingCheckin', subjectId: row.id, after: { groupId, day, reading: input.reading, note: input.note } });
    return row;
  });
}

/**
 * 优秀心得: staff feature a check-in's note (or take the mark back). Featuring writes the member's
 * learning.note entry (dated the check-in's day, the group as its source); taking it back voids it.
 * Version-checked (409 when stale), with its audit row.
 */
export async function featureCheckin(ctx: CommandContext, { id, version, featured }: { id: string; version: number } & z.output<typeof featureBody>): Promise<ReadingCheckinRow> {
  const { database, actor, now } = ctx;
  const c = await loadCheckin(database.db, actor, id);
  authorize(checkinPolicy, 'feature', actor, c);
  if (featured && !c.note) throw AppError.field('featured', '优秀心得', '该打卡没有填写读书心得');
  return inTransaction(database, async ({ tx }) => {
    const [before] = await tx.select().from(readingCheckins).where(eq(readingCheckins.id, id)).for('update');
    if (!before || before.version !== version) throw AppError.versionConflict();
    if (!!before.featuredAt === featured) throw AppError.invalidState(featured ? '已经评为优秀心得' : '尚未评为优秀心得');
    const [row] = await tx
      .update(readingCheckins)
      .set({ featuredAt: featured ? now : null, featuredByUserId: featured ? actor.userId : null, version: before.version + 1, updatedAt: now })
      .where(and(eq(readingCheckins.id, id), eq(readingCheckins.version, version)))
      .returning();
    if (!row) throw AppError.versionConflict();
    const source = { sourceType: 'readingGroup', sourceId: before.groupId };
    if (featured) {
      await recordLedger(tx, [{ committeeId: before.committeeId, memberId: before.memberId, kind: learningKinds.note, day: before.day, ...source, part: 'lead', note: `《${c.group.bookTitle}》优秀读书心得` }]);
    } else {
      await tx.update(ledgerEntries).set({ voidedAt: now }).where(and(
        eq(ledgerEntries.sourceType, source.sourceType), eq(ledgerEntries.sourceId, source.sourceId), eq(ledgerEntries.kind, learningKinds.note),
        eq(ledgerEntries.memberId, before.memberId), eq(ledgerEntries.day, before.day), isNull(ledgerEntries.voidedAt),
      ));
    }
    await audit(tx, actor, { action: featured ? 'readingCheckin.feature' : 'readingCheckin.unfeature', subjectType: 'readingCheckin', subjectId: id, before: { featured: !featured }, after: { featured } });
    return row;
  });
}
