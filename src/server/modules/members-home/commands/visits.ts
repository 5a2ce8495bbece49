import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../../platform/audit/audit.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import { members } from '../../members/schema.js';
import type { visitInput } from '../../../../shared/members-home/inputs.js';
import { loadDuty } from '../load.js';
import { settleDuty } from '../ledger.js';
import { dutyPolicy } from '../policy.js';
import { homeSuggestions, homeVisits, type HomeVisitRow } from '../schema.js';

/**
 * 接待登记: the member on duty logs a visit — a member picked from the roster, or a named person who
 * is not one — with the suggestions it brought, in one transaction with its audit row and the
 * duty's ledger entry (值班接待, earned with the first visit). A duty of a day still to come takes no
 * visit yet.
 */
export async function logVisit(ctx: CommandContext, { dutyId, ...input }: { dutyId: string } & z.output<typeof visitInput>): Promise<HomeVisitRow> {
  const { database, actor, today } = ctx;
  const duty = await loadDuty(database.db, actor, dutyId);
  authorize(dutyPolicy, 'log', actor, duty);
  if (duty.day > today) throw AppError.invalidState(`${duty.day}的值班尚未开始，不能登记接待`);
  let visitorName = input.visitorName;
  if (input.visitorMemberId) {
    const [m] = await database.db.select().from(members).where(and(eq(members.id, input.visitorMemberId), eq(members.committeeId, actor.committeeId)));
    if (!m) throw AppError.field('visitorMemberId', '来访委员', '不是本会委员');
    if (m.id === duty.memberId) throw AppError.field('visitorMemberId', '来访委员', '值班委员不能登记接待自己');
    visitorName = m.name;
  } else if (!visitorName) {
    throw AppError.field('visitorName', '来访人姓名', '请选择来访委员，或填写非委员来访人的姓名');
  }
  return inTransaction(database, async ({ tx }) => {
    const [visit] = await tx
      .insert(homeVisits)
      .values({
        committeeId: duty.committeeId, dutyId: duty.id, day: duty.day, visitorMemberId: input.visitorMemberId, visitorName: visitorName!,
        visitorNote: input.visitorNote, topic: input.topic, said: input.said, recordedByName: actor.name, createdByUserId: actor.userId,
      })
      .returning();
    if (input.suggestions.length) {
      await tx.insert(homeSuggestions).values(input.suggestions.map((body) => ({ committeeId: duty.committeeId, visitId: visit.id, dutyId: duty.id, day: duty.day, body })));
    }
    await audit(tx, actor, { action: 'homeVisit.create', subjectType: 'homeDuty', subjectId: duty.id, after: { visitId: visit.id, visitorName: visit.visitorName, topic: visit.topic, suggestions: input.suggestions.length } });
    await settleDuty(tx, duty.id, ctx.now);
    return visit;
  });
}
