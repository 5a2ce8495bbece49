import type { Actor } from '../../../platform/auth/actor.js';
import { audit } from '../../../platform/audit/audit.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import type { UnitOfWork } from '../../../platform/jobs/after-commit.js';
import { AppError } from '../../../platform/errors.js';
import { assertOwnedIds } from '../../../platform/tenancy/owned.js';
import { plenarySessions } from '../../org/schema.js';
import { createRecord } from '../../../platform/records/records.js';
import { sessionFor } from '../../proposals/sessions.js';
import { speechCollectionPolicy, speechPolicy } from '../policy.js';
import { plenarySpeeches, type Speech } from '../schema.js';

/** A member submits a speech for a plenary session (by default the session of today's year). */
export async function submitSpeech({ database, actor, today }: CommandContext, input: { title: string; body: string; sessionId?: string | null }): Promise<Speech> {
  if (!actor.memberId) throw AppError.forbidden('只有委员可以提交大会发言');
  await assertOwnedIds(database.db, plenarySessions, [input.sessionId], actor.committeeId, 'sessionId', '所属大会');
  const session = input.sessionId ? null : await sessionFor(database.db, actor.committeeId, today);
  return createRecord<Speech>(database, {
    table: plenarySpeeches, policy: speechPolicy, collection: speechCollectionPolicy, actor,
    values: { title: input.title, body: input.body, sessionId: input.sessionId ?? session?.id ?? null, year: session?.year ?? Number(today.slice(0, 4)), memberId: actor.memberId },
  });
}

/**
 * A speech the office writes for members from another module's record (a finished research report:
 * its lead is the author, the rest of the group its contributors), inside the caller's transaction so
 * the record and the caller's link exist together. It waits for selection like a member's own.
 */
export async function speechFor(uow: UnitOfWork, { actor, today, ...input }: { actor: Actor; today: string; memberId: string; contributorMemberIds: string[]; title: string; body: string }): Promise<Speech> {
  const session = await sessionFor(uow.tx, actor.committeeId, today);
  const [s] = await uow.tx
    .insert(plenarySpeeches)
    .values({ committeeId: actor.committeeId, ...input, sessionId: session?.id ?? null, year: session?.year ?? Number(today.slice(0, 4)) })
    .returning();
  await audit(uow.tx, actor, { action: 'plenarySpeech.create', subjectType: 'plenarySpeech', subjectId: s.id, after: s });
  return s;
}
