import { and, eq, inArray } from 'drizzle-orm';
import { audit } from '../../../platform/audit/audit.js';
import { users } from '../../../platform/auth/schema.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { notify } from '../../../platform/notifications/notify.js';
import { assertOwnedIds } from '../../../platform/tenancy/owned.js';
import { members } from '../../members/schema.js';
import { committeeScores } from '../queries.js';

/** 履职提醒: tells members below the yearly minimum what they still lack (all of them, or the chosen ones). */
export async function sendReminders({ database, actor, now }: CommandContext, { year, memberIds }: { year: number; memberIds?: string[] }) {
  await assertOwnedIds(database.db, members, memberIds ?? [], actor.committeeId, 'memberIds', '提醒的委员');
  const { rows } = await committeeScores(database.db, actor.committeeId, year, now);
  const targets = rows.filter((r) => r.lacking.length > 0 && (!memberIds || memberIds.includes(r.memberId)));
  const accounts = targets.length ? await database.db.select({ id: users.id, memberId: users.memberId }).from(users).where(and(eq(users.committeeId, actor.committeeId), inArray(users.memberId, targets.map((t) => t.memberId)))) : [];
  await database.db.transaction(async (tx) => {
    for (const t of targets) {
      const userIds = accounts.filter((a) => a.memberId === t.memberId).map((a) => a.id);
      const body = t.lacking.map((q) => `${q.label}：已完成${q.have}，尚需${q.need - q.have}`).join('；');
      await notify(tx, { committeeId: actor.committeeId, userIds, title: `履职提醒：${year}年度尚未完成的基本要求`, body, link: `/performance/me?year=${year}` });
    }
    await audit(tx, actor, { action: 'performance.remind', subjectType: 'performance', subjectId: `${actor.committeeId}:${year}`, after: { year, members: targets.map((t) => t.memberId) } });
  });
  return { reminded: targets.length, withoutAccount: targets.filter((t) => !accounts.some((a) => a.memberId === t.memberId)).length };
}
