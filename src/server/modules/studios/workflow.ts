import { defineWorkflow } from '../../platform/workflow/workflow.js';
import type { Actor } from '../../platform/auth/actor.js';
import { isRequestStaff } from '../requests/workflow.js';
import { questionStates, type QuestionState } from '../../../shared/studios/labels.js';
import type { studioQuestions } from './schema.js';

export type StudioQuestion = typeof studioQuestions.$inferSelect;
export type QuestionTransition = 'answer' | 'publish' | 'unpublish';

/** What the guards read besides the question: the members of the studio it was asked of. */
export interface QuestionFacts {
  studioMemberIds: string[];
}

/** The staff who keep in touch with studios (委员科, 办公室) and admins: the same who route the public's requests. */
export const isStudioStaff = isRequestStaff;
/** A member of the studio the question was asked of. */
export const inStudio = (a: Actor, f: QuestionFacts) => a.memberId !== null && f.studioMemberIds.includes(a.memberId);

const memberOnly = (a: Actor, _q: StudioQuestion, f: QuestionFacts) => (inStudio(a, f) ? null : '只有本工作室的委员可以答复');

/**
 * A question's course: asked → answered by a member of the studio. Publishing is moderation apart
 * from the state: staff or the studio's members publish an answered question on the studio's page;
 * staff may hide it again (nothing the public sends is public before it is answered and published).
 */
export const questionWorkflow = defineWorkflow<QuestionState, QuestionTransition, StudioQuestion, QuestionFacts>({
  name: 'studioQuestion',
  stateLabels: questionStates,
  transitions: [
    { action: 'answer', label: '答复', from: ['asked'], to: 'answered', roles: ['member'], guard: memberOnly },
    {
      action: 'publish', label: '公开到工作室页面', from: ['answered'], to: 'answered', roles: ['member', 'staff', 'admin'],
      guard: (a, q, f) => (isStudioStaff(a) || inStudio(a, f) ? (q.publishedAt ? '已经公开' : null) : '只有工作人员或本工作室的委员可以公开'),
    },
    {
      action: 'unpublish', label: '取消公开', from: ['answered'], to: 'answered', roles: ['staff', 'admin'],
      guard: (a, q) => (isStudioStaff(a) ? (q.publishedAt ? null : '尚未公开') : '只有委员科或办公室工作人员可以取消公开'),
    },
  ],
});
