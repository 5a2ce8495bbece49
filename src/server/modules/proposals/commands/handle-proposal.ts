import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { AppError } from '../../../platform/errors.js';
import { assignUnits } from '../../../platform/handling/assignments.js';
import type { PlannedUnit } from '../../../platform/handling/plan.js';
import { isUnsatisfied, openSecondRound, recordRating, type RatingInput } from '../../../platform/handling/rounds.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import { assertOwned } from '../../org/lookups.js';
import { guardContextOf, loadProposal } from '../load.js';
import { notifyAuthors } from '../notices.js';
import { proposalPort } from '../port.js';
import { proposals } from '../schema.js';
import { isAuthor, proposalWorkflow, type Proposal } from '../workflow.js';

/** 交办: staff send a filed proposal to its units (sole / lead + assisting / joint / split): `assignProposal(ctx, { id, version, assignments: [{ unitId, role: 'sole' }] })`. */
export async function assignProposal({ database, actor, today }: CommandContext, { id, version, assignments: plan }: { id: string; version: number; assignments: PlannedUnit[] }) {
  await loadProposal(database.db, actor, id);
  await assertOwned(database.db, 'units', plan.map((p) => p.unitId), actor.committeeId, 'assignments', '承办单位');
  return applyTransition(database, {
    workflow: proposalWorkflow, table: proposals, id, action: 'assign', actor, version, label: '提案', context: guardContextOf(today),
    patch: () => ({ handlingRound: 1 }),
    alsoDo: async (p: Proposal, _before, uow) => {
      const subject = (await proposalPort.load(uow.tx, p.id))!;
      await assignUnits(uow, { actor, port: proposalPort, subject, plan, today });
      await notifyAuthors(uow.tx, p, `提案已交办：${p.title}`);
    },
  });
}

/**
 * 征询意见: the first proposer rates the round. 满意/基本满意 closes the proposal; 不满意 opens the
 * second handling round with the re-handling deadline; 不满意 again after the second round closes
 * it too (the office follows up face to face, outside the system's state).
 * `rateProposal(ctx, { id, version, attitude, result, comment })`
 */
export async function rateProposal({ database, actor, today }: CommandContext, { id, version, ...r }: { id: string; version: number } & RatingInput) {
  const current = await loadProposal(database.db, actor, id);
  if (!isAuthor(actor, current) || !actor.memberId) throw AppError.forbidden('只有第一提案人可以评价');
  const unsatisfied = isUnsatisfied(r);
  const secondRoundPossible = current.handlingRound < 2;
  return applyTransition(database, {
    workflow: proposalWorkflow, table: proposals, id, actor, version, label: '提案', context: guardContextOf(today),
    action: unsatisfied && secondRoundPossible ? 'rateUnsatisfied' : 'rateSatisfied',
    patch: async (p: Proposal, uow) => {
      await recordRating(uow, { port: proposalPort, subject: (await proposalPort.load(uow.tx, p.id))!, memberId: actor.memberId!, rating: r });
      return unsatisfied && secondRoundPossible ? { handlingRound: p.handlingRound + 1, rateDeadline: null } : { rateDeadline: null };
    },
    alsoDo: async (p: Proposal, _before, uow) => {
      if (p.status === 'rehandling') await openSecondRound(uow, { actor, port: proposalPort, subject: (await proposalPort.load(uow.tx, p.id))!, today });
    },
  });
}

/** Reads a proposal row directly (after a command, for presenting). */
export async function proposalRow(database: Database, id: string) {
  const [p] = await database.db.select().from(proposals).where(eq(proposals.id, id));
  return p;
}
