import { definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';
import { inStudio, isStudioStaff, type QuestionFacts, type StudioQuestion } from './workflow.js';

/** A question as the policy sees it: the row and the members of its studio. */
export type QuestionSubject = StudioQuestion & QuestionFacts;

/**
 * Who reads a question: the staff who keep studios, and the members of the studio it was asked of.
 * The asker's contact only the staff (as with 民生诉求, members reach the public through them).
 */
export const questionPolicy = definePolicy<QuestionSubject, 'read' | 'seeContact'>('studioQuestion', '线上咨询', {
  read: [{ roles: ['staff', 'admin'], when: (a) => isStudioStaff(a) }, { roles: ['member'], when: (a, q) => inStudio(a, q) }],
  seeContact: [{ roles: ['staff', 'admin'], when: (a) => isStudioStaff(a) }],
});

/** The questions as a whole: staff list every studio's, a member their studio's (the query narrows it). */
export const questionCollectionPolicy = definePolicy<CommitteeScope, 'list'>('studioQuestions', '线上咨询', {
  list: [{ roles: ['staff', 'admin'], when: (a) => isStudioStaff(a) }, { roles: ['member'] }],
});
