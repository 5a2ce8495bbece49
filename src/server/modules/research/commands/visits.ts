import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { authorize } from '../../../platform/policy/policy.js';
import { scheduleActivity } from '../../../platform/activity/schedule.js';
import type { ActivityOwner } from '../../../platform/activity/owner.js';
import type { visitBody } from '../../../../shared/research/inputs.js';
import { loadTopic } from '../load.js';
import { topicLink } from '../notices.js';
import { topicPolicy } from '../policy.js';
import { researchVisits } from '../schema.js';

/** Research visits are activities owned by their topic: notices about one link to the topic's page. */
export const visitOwner = (topicId: string): ActivityOwner => ({ type: 'research', link: () => topicLink(topicId) });

/**
 * 实地调研视察: scheduled through the activity primitive as a 调研 or 视察 event inviting the
 * confirmed group — they are told, may ask for leave and check in by QR code there; closing the
 * event fixes attendance and writes its ledger entries (activity.research.attended …).
 */
export async function scheduleVisit(ctx: CommandContext, { id, ...v }: { id: string } & z.output<typeof visitBody>) {
  const t = await loadTopic(ctx.database.db, ctx.actor, id);
  authorize(topicPolicy, 'manage', ctx.actor, t);
  if (!t.groupMemberIds.length) throw AppError.invalidState('调研组还没有确认的成员');
  return scheduleActivity(
    ctx,
    visitOwner(t.id),
    {
      kind: t.form === 'inspection' ? 'inspection' : 'research',
      title: `${t.title}（${v.place}）`, startsAt: v.startsAt, endsAt: v.endsAt, location: v.place, mandatory: false, agenda: v.agenda ?? '',
      invitations: [{ type: 'members', ids: t.groupMemberIds }],
    },
    // the visit and its audit row in the event's transaction: no event without its visit
    async (event, { tx }) => {
      await tx.insert(researchVisits).values({ committeeId: t.committeeId, topicId: t.id, activityId: event.id, place: v.place });
      await audit(tx, ctx.actor, { action: 'researchTopic.visit', subjectType: 'researchTopic', subjectId: t.id, after: { activityId: event.id, place: v.place }, note: v.place });
    },
  );
}
