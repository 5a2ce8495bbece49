import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { can } from '../../../platform/policy/policy.js';
import { activities } from '../../../platform/activity/schema.js';
import { labelOf } from '../../../../shared/labels.js';
import { consultationStates, outcomeKinds } from '../../../../shared/consultation/labels.js';
import type { KeyConsultation } from '../../../../shared/proposals/key.js';
import { consultationKeyProposals, consultations } from '../../consultation/schema.js';
import { consultationSubjectsOf } from '../../consultation/load.js';
import { consultationPolicy } from '../../consultation/policy.js';

const beijingDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/**
 * The 提案办理协商 that discussed each key proposal (consultation module's link table), as the key
 * proposal's page lists them: held on (or scheduled for) which day, linked, with the outcome and the
 * minutes once there — only those the reader may open.
 */
export async function consultationsOfKeys(db: Executor, actor: Actor, keyIds: string[]): Promise<Map<string, KeyConsultation[]>> {
  const byKey = new Map<string, KeyConsultation[]>();
  if (!keyIds.length) return byKey;
  const rows = await db
    .select({ keyId: consultationKeyProposals.keyProposalId, c: consultations, startsAt: activities.startsAt })
    .from(consultationKeyProposals)
    .innerJoin(consultations, eq(consultations.id, consultationKeyProposals.consultationId))
    .leftJoin(activities, eq(activities.id, consultations.activityId))
    .where(inArray(consultationKeyProposals.keyProposalId, keyIds))
    .orderBy(asc(consultations.month), asc(consultations.title));
  const subjects = await consultationSubjectsOf(db, [...new Map(rows.map((r) => [r.c.id, r.c])).values()]);
  const readable = new Set(subjects.filter((s) => can(consultationPolicy, 'read', actor, s)).map((s) => s.id));
  for (const { keyId, c, startsAt } of rows) {
    if (!readable.has(c.id)) continue;
    const outcome = c.outcomeKind ? `${labelOf(outcomeKinds, c.outcomeKind)}《${c.outcomeTitle ?? ''}》${c.outcomeSentOn ? `，${c.outcomeSentOn}报送` : ''}` : null;
    const entry = { id: c.id, title: c.title, date: c.heldOn ?? (startsAt ? beijingDay.format(startsAt) : null), statusLabel: labelOf(consultationStates, c.status), link: `/consultation/consultations/${c.id}`, outcome, minutes: c.minutes };
    byKey.set(keyId, [...(byKey.get(keyId) ?? []), entry]);
  }
  return byKey;
}
