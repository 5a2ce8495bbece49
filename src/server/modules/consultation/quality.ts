import type { Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/policy/policy.js';
import { qualityAnswers, type QualityAnswer } from '../../../shared/consultation/labels.js';
import { consultationPolicy, type ConsultationSubject } from './policy.js';
import type { consultationRatings } from './schema.js';

type Rating = typeof consultationRatings.$inferSelect;
const answerKeys = Object.keys(qualityAnswers) as QualityAnswer[];

/**
 * 协商质量评价 as a consultation page shows it: the questionnaire a participating member may still
 * answer (or what they answered), and, for the office and leaders, each question's answers counted —
 * each row's total is the number of members who answered, and 满意率 is 满意 over that total.
 */
export function presentQuality(actor: Actor, c: ConsultationSubject, questions: string[], ratings: Rating[]) {
  const mine = actor.memberId ? ratings.find((r) => r.memberId === actor.memberId) : undefined;
  const results = can(consultationPolicy, 'readQuality', actor, c)
    ? questionsAsked(questions, ratings).map((question) => {
        const counts = Object.fromEntries(answerKeys.map((k) => [k, 0])) as Record<QualityAnswer, number>;
        for (const r of ratings) {
          const i = r.questions.indexOf(question);
          if (i >= 0) counts[r.answers[i] as QualityAnswer]++;
        }
        const total = answerKeys.reduce((n, k) => n + counts[k], 0);
        return { question, ...counts, total, goodShare: total ? Math.round((counts.good / total) * 100) : null };
      })
    : null;
  return {
    questions,
    answerLabels: qualityAnswers,
    canRate: !mine && can(consultationPolicy, 'rate', actor, c),
    mine: mine ? { answers: mine.questions.map((q, i) => ({ question: q, answerLabel: qualityAnswers[mine.answers[i] as QualityAnswer] })), comment: mine.comment, ratedOn: mine.ratedOn } : null,
    responses: results ? ratings.length : null,
    results,
    comments: results ? ratings.filter((r) => r.comment).map((r) => ({ id: r.id, text: r.comment, ratedOn: r.ratedOn })) : null,
  };
}

/** The questions of the current questionnaire, then any asked earlier that it no longer has. */
function questionsAsked(current: string[], ratings: Rating[]): string[] {
  const all = [...current];
  for (const r of ratings) for (const q of r.questions) if (!all.includes(q)) all.push(q);
  return all;
}
