import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import type { QuestionAction, questionActionBodies } from '../../../../shared/studios/inputs.js';
import { loadQuestion, questionFacts } from '../load.js';
import { questionPolicy } from '../policy.js';
import { studioQuestions } from '../schema.js';
import { questionWorkflow, type StudioQuestion } from '../workflow.js';

type Payload<A extends QuestionAction> = z.output<(typeof questionActionBodies)[A]>;

/**
 * One step of a question (workflow.ts): a studio member answers it; staff or the studio's members
 * publish it; staff hide it. No ledger entry: the performance kinds have none for a studio's answer.
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
  });
}
