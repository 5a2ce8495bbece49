import type { CommandContext } from '../../../platform/commands/context.js';
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
