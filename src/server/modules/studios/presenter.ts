import type { Actor } from '../../platform/auth/actor.js';
import { allowedActions, can } from '../../platform/policy/policy.js';
import { availableActions } from '../../platform/workflow/workflow.js';
import { orgPolicy } from '../org/policy.js';
import type { Presented } from '../../../shared/http/responses.js';
import { labelOf } from '../../../shared/labels.js';
import { questionStates } from '../../../shared/studios/labels.js';
import type { questionRow, studioRow } from '../../../shared/studios/responses.js';
import { questionPolicy, type QuestionSubject } from './policy.js';
import { kindLabel, type openStudios } from './public.js';
import { questionWorkflow } from './workflow.js';

/** A question as staff and the studio's members read it; the asker's name and contact only for staff. */
export function presentQuestion(actor: Actor, q: QuestionSubject, studioName: string): Presented<typeof questionRow> {
  return {
    id: q.id, version: q.version, studioId: q.studioId, studioName, status: q.status, statusLabel: labelOf(questionStates, q.status),
    body: q.body, askedOn: q.askedOn,
    asker: can(questionPolicy, 'seeContact', actor, q) ? { name: q.askerName, contact: q.askerContact } : null,
    answer: q.answer, answeredBy: q.answeredByName, answeredOn: q.answeredOn,
    published: q.publishedAt !== null, publishedAt: q.publishedAt,
    actions: availableActions(questionWorkflow, actor, q, q),
  };
}

/** A studio with its profile, and `profile` among its actions for whoever keeps the catalogs. */
export function presentStudio(actor: Actor, { studio, profile, memberCount }: Awaited<ReturnType<typeof openStudios>>[number]): Presented<typeof studioRow> {
  return {
    id: studio.id, version: studio.version, name: studio.name, kindLabel: kindLabel(studio.kind),
    place: profile?.place ?? '', openingHours: profile?.openingHours ?? '', introduction: profile?.introduction ?? '', memberCount,
    actions: allowedActions(orgPolicy, actor, studio).includes('update') ? ['profile'] : [],
  };
}
