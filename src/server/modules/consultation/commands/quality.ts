import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import { getSettings } from '../../../platform/settings/settings.js';
import type { ratingBody } from '../../../../shared/consultation/inputs.js';
import { loadConsultation } from '../load.js';
import { consultationPolicy } from '../policy.js';
import { consultationRatings } from '../schema.js';
import { consultationSettings } from '../settings.js';

/**
 * 协商质量评价: a participating member answers the committee's questionnaire once the consultation
 * was held, once: the answers stand as given (a second answer is refused, 409). The questions are
 * stored with the answers, as they were asked.
 */
export async function rateConsultation({ database, actor, today }: CommandContext, { id, ...input }: { id: string } & z.output<typeof ratingBody>) {
  const c = await loadConsultation(database.db, actor, id);
  authorize(consultationPolicy, 'rate', actor, c);
  const { qualityQuestions } = await getSettings(database.db, consultationSettings, c.committeeId, c.year);
  if (input.answers.length !== qualityQuestions.length) throw AppError.field('answers', '评价', `请回答全部 ${qualityQuestions.length} 个问题`);
  return inTransaction(database, async ({ tx }) => {
    const [done] = await tx.select({ id: consultationRatings.id }).from(consultationRatings).where(and(eq(consultationRatings.consultationId, c.id), eq(consultationRatings.memberId, actor.memberId!)));
    if (done) throw AppError.invalidState('您已评价过本次协商');
    const [row] = await tx.insert(consultationRatings)
      .values({ committeeId: c.committeeId, consultationId: c.id, memberId: actor.memberId!, questions: qualityQuestions, answers: input.answers, comment: input.comment, ratedOn: today })
      .onConflictDoNothing()
      .returning();
    // two submissions at once: the second finds the first's row at insert
    if (!row) throw AppError.invalidState('您已评价过本次协商');
    await audit(tx, actor, { action: 'consultation.rate', subjectType: 'consultation', subjectId: c.id, after: { answers: row.answers } });
    return row;
  });
}
