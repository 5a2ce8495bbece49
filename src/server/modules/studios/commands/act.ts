import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { recordLedger } from '../../../platform/ledger/ledger.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import type { QuestionAction, questionActionBodies } from '../../../../shared/studios/inputs.js';
import { loadQuestion, questionFacts } from '../load.js';
import { questionPolicy } from '../policy.js';
import { studioQuestions } from '../schema.js';
import { questionWorkflow, type StudioQuestion } from '../workflow.js';

type Payload<A extends QuestionAction> = z.output<(typeof questionActionBodies)[A]>;

/** The ledger kind of a question a member answered (履职: 工作室线上咨询). */
export const STUDIO_ANSWERED = 'studio.answered';

/**
 * One step of a question (workflow.ts): a studio member answers it; staff or the studio's members
 * publish it; staff hide it. The answer is the member's work whether or not it is published, so it
 * counts on their ledger when given (a question is answered once: answered → answered is no transition).
 */
export async function actOnQuestion<A extends QuestionAction>(ctx: CommandContext, { id, action, input }: { id: string; action: A; input: Payload<A> }): Promise<StudioQuestion> {
  const { database, actor, today, now } = ctx;
  await loadQuestion(database.db, actor, id);
  const answer = (input as Partial<Payload<'answer'>>).answer;
  return applyTransition(database, {
    workflow: questionWorkflow, table: studioQuestions, id, action, actor, version: input.version, label: questionPolicy.label,
    context: (q, uow) => questionFacts(uow.tx, q),
    note: answer,
    patch: () => {
      switch (action) {
        case 'answer':
          return { answer: answer!, answeredByMemberId: actor.memberId, answeredByName: actor.name, answeredOn: today };
        case 'publish':
          return { publishedAt: now };
        case 'unpublish':
          return { publishedAt: null };
        default:
          return {};
      }
    },
    alsoDo: async (q, _before, { tx }) => {
      if (action === 'answer' && actor.memberId) {
        await recordLedger(tx, [{ committeeId: q.committeeId, memberId: actor.memberId, kind: STUDIO_ANSWERED, day: today, sourceType: 'studioQuestion', sourceId: q.id, note: q.body.slice(0, 30) }]);
      }
    },
  });
}
