import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../../db/client.js';
import { users } from '../../../platform/auth/schema.js';
import { audit } from '../../../platform/audit/audit.js';
import { chinaToday } from '../../../platform/calendar/workdays.js';
import { AppError } from '../../../platform/errors.js';
import { officeUserIds } from '../../../platform/handling/assignments.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { notify } from '../../../platform/notifications/notify.js';
import { admitPublicSubmission } from '../../../platform/public-forms/guard.js';
import { studios } from '../../org/schema.js';
import { portalActor } from '../../requests/commands/submit.js';
import type { questionSubmission } from '../../../../shared/studios/inputs.js';
import { questionFacts } from '../load.js';
import { studioQuestions } from '../schema.js';

/** An open studio of any committee, as the portal may show it; a closed or made-up one is not found. */
export async function openStudio(db: Executor, id: string) {
  const [s] = await db.select().from(studios).where(and(eq(studios.id, id), eq(studios.active, true)));
  if (!s) throw AppError.notFound('委员工作室');
  return s;
}

/**
 * 线上咨询 from a studio's portal page: the abuse checks of every public form (rate limit per address,
 * the arithmetic question), then the question is received (`receiveQuestion`). Nothing is public yet.
 */
export async function askStudio(database: Database, studioId: string, s: z.output<typeof questionSubmission>, address: string, now: Date) {
  const studio = await openStudio(database.db, studioId);
  await admitPublicSubmission(database.db, { committeeId: studio.committeeId, form: 'question', address, challengeId: s.challengeId, challengeAnswer: s.challengeAnswer, now });
  await receiveQuestion(database, studio, s, now);
  return { message: `已收到您的咨询。${studio.name}的委员答复后，经审核将在工作室页面公开（不公开您的姓名和联系方式）。` };
}

/**
 * A question the portal admitted (or the demo's, which has no address to check), in one transaction:
 * the question, the audit row (no name or contact in it), and a notice to the studio's members and the
 * staff who keep studios.
 */
export async function receiveQuestion(database: Database, studio: Pick<typeof studios.$inferSelect, 'id' | 'name' | 'committeeId'>, s: Pick<z.output<typeof questionSubmission>, 'askerName' | 'askerContact' | 'body'>, now: Date) {
  const { id: studioId, committeeId } = studio;
  const actor = portalActor(committeeId);
  return inTransaction(database, async ({ tx }) => {
    const [q] = await tx
      .insert(studioQuestions)
      .values({ committeeId, studioId, askerName: s.askerName, askerContact: s.askerContact, body: s.body, askedOn: chinaToday(now), createdAt: now, updatedAt: now })
      .returning();
    await audit(tx, actor, { action: 'studioQuestion.create', subjectType: 'studioQuestion', subjectId: q.id, after: { studioId, status: q.status } });
    const { studioMemberIds } = await questionFacts(tx, q);
    const memberAccounts = studioMemberIds.length ? await tx.select({ id: users.id }).from(users).where(inArray(users.memberId, studioMemberIds)) : [];
    const staff = [...(await officeUserIds(tx, committeeId, 'members')), ...memberAccounts.map((u) => u.id)];
    await notify(tx, { committeeId, userIds: [...new Set(staff)], title: `${studio.name}收到群众线上咨询`, body: '', link: '/studios/questions' });
    return q;
  });
}
