import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { AppError } from '../../../platform/errors.js';
import { atLast, type UnitOfWork } from '../../../platform/jobs/after-commit.js';
import { officeUserIds } from '../../../platform/handling/assignments.js';
import { notify } from '../../../platform/notifications/notify.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { applyTransition, type LatePatch } from '../../../platform/workflow/apply.js';
import type { actionBodies, DecisionAction } from '../../../../shared/proposals/inputs.js';
import { guardContext, withParties } from '../load.js';
import { authorize } from '../../../platform/policy/policy.js';
import { proposalPolicy, type ProposalSubject } from '../policy.js';
import { creditFiled, creditSubmitted } from '../ledger.js';
import { notifyAuthors } from '../notices.js';
import { proposals, reviewOpinions } from '../schema.js';
import { numberText, proposalKind, sessionById } from '../sessions.js';
import { proposalSettings, type ProposalSettings } from '../settings.js';
import { proposalStates, proposalWorkflow, type Proposal } from '../workflow.js';
import { memberNames } from '../presenter.js';
import { opinionFromRecord, type ConvertedRecord } from '../../opinions/commands/from-proposal.js';

type Payload<A extends DecisionAction> = z.output<(typeof actionBodies)[A]>;

/**
 * What a decision reads once, in its transaction, for the guards (the proposal's parties, its
 * committee's settings of the year); its effects take them from here instead of reading them again.
 */
interface Loaded {
  subject: ProposalSubject;
  settings: ProposalSettings;
}

interface Effect<A extends DecisionAction> {
  /** column changes that go with the transition */
  patch?: (p: Proposal, input: Payload<A>, tx: Tx, today: string, now: Date, loaded: Loaded) => Promise<Partial<Proposal>>;
  /** column changes made last, just before the commit (a number handed out under a lock held to commit) */
  patchLast?: (p: Proposal) => LatePatch<Proposal>;
  /** more writes and after-commit notices */
  alsoDo?: (p: Proposal, input: Payload<A>, uow: UnitOfWork, actor: Actor, today: string, now: Date, loaded: Loaded) => Promise<void>;
}

/**
 * The next serial of a committee's year (no session given) or filing number of a session: handed out
 * under a transaction lock so two at once never share one — lock and read are one statement
 * (migration 0053), so the lock, held to commit, waits on no extra round trip. As SQL, for an update
 * that sets it (the submission's serial, set last: transitionWithin's patchLast).
 */
function nextNumberSql(scope: { committeeId: string; year: number } | { sessionId: string }) {
  const lockKey = 'sessionId' in scope ? `proposal-number:${scope.sessionId}` : `proposal-serial:${scope.committeeId}:${scope.year}`;
  const args = 'sessionId' in scope ? sql`null, null, ${scope.sessionId}::uuid` : sql`${scope.committeeId}::uuid, ${scope.year}::integer, null`;
  return sql`shangliang_next_proposal_number(${lockKey}, ${args})`;
}

async function nextNumber(tx: Tx, scope: { sessionId: string }) {
  const result = (await tx.execute(sql`select ${nextNumberSql(scope)} as n`)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0].n);
}

const writeOpinion = (step: string) => async (p: Proposal, input: { opinion?: string }, uow: UnitOfWork, actor: Actor) => {
  if (input.opinion) await uow.tx.insert(reviewOpinions).values({ committeeId: p.committeeId, proposalId: p.id, step, reviewerUserId: actor.userId, reviewerName: actor.name, opinion: input.opinion });
};

/** A proposal as the information office receives it when converted to an opinion report. */
async function handedOver(tx: Tx, p: Proposal): Promise<ConvertedRecord> {
  const names = await memberNames(tx, [p.leadMemberId ?? '']);
  const body = [p.background, p.analysis, p.suggestions].map((s) => s.trim()).filter(Boolean).join('\n');
  const authorText = (p.leadMemberId && names.get(p.leadMemberId)) || p.collectiveBody || p.proposerText || '';
  return { from: { proposalId: p.id }, committeeId: p.committeeId, title: p.title, category: p.category, body, leadMemberId: p.leadMemberId, authorText, collectiveBody: p.collectiveBody };
}

/** What each decision does besides changing the state. */
const effects: { [A in DecisionAction]: Effect<A> } = {
  submit: {
    patch: async (p, _i, tx, today, now, { settings }) => {
      // co-signing is the table's precondition (workflow.ts); what is left is the text itself
      if (!p.background.trim() && !p.analysis.trim()) throw AppError.field('background', '情况', '请写明情况和分析');
      if (!p.suggestions.trim()) throw AppError.field('suggestions', '建议', '提案须有具体建议');
      const session = await sessionById(tx, p.sessionId);
      // a proposal submitted again (after a return) keeps its serial: no lock taken for it
      return { reviewSteps: settings.reviewSteps, kind: proposalKind(session, today), ...(p.serial !== null ? { serial: p.serial } : {}), submittedAt: now };
    },
    // a first submission's serial last: the committee's submissions queue on its lock, held to commit
    patchLast: (p) => (p.serial !== null ? {} : { serial: nextNumberSql({ committeeId: p.committeeId, year: p.year }) }),
    alsoDo: async (p, _i, uow, _a, today, _now, { subject }) => {
      // the authors' counts (ledger_counts, kept by a trigger) are row-locked to commit: a member's
      // submissions queue on them, so they are written among the last steps, before the serial's
      await atLast(uow, () => creditSubmitted(uow.tx, p, subject, today));
      await notify(uow.tx, { committeeId: p.committeeId, userIds: await officeUserIds(uow.tx, p.committeeId, 'proposal'), title: `新提交提案：${p.title}`, link: `/proposals/${p.id}` });
    },
  },
  withdraw: {},
  preReview: { alsoDo: writeOpinion('preReview') },
  reReview: { alsoDo: writeOpinion('reReview') },
  file: {
    patch: async (p, input, tx, _today, now, { settings: { categories } }) => {
      if (input.category) {
        if (!categories.includes(input.category)) throw AppError.field('category', '类别', `应为：${categories.join('、')}`);
      }
      const number = await nextNumber(tx, { sessionId: p.sessionId! });
      return { number, numberText: numberText(await sessionById(tx, p.sessionId), number), decidedAt: now, ...(input.category ? { category: input.category } : {}) };
    },
    alsoDo: async (p, input, uow, actor, today) => {
      await writeOpinion('decision')(p, input, uow, actor);
      await creditFiled(uow.tx, p, today);
      await notifyAuthors(uow.tx, p, `提案已立案（${p.numberText}）：${p.title}`);
    },
  },
  reject: {
    patch: async (p, input, _tx, _today, now, { settings: { rejectReasons } }) => {
      const reason = rejectReasons.find((r) => r.code === input.reasonCode);
      if (!reason) throw AppError.field('reasonCode', '不予立案理由', '请从理由列表中选择');
      return { rejectReasonCode: reason.code, decisionReason: [reason.text, input.reason].filter(Boolean).join('：'), decidedAt: now };
    },
    alsoDo: async (p, _i, uow) => notifyAuthors(uow.tx, p, `提案不予立案：${p.title}`, `理由：${p.decisionReason}。您可通过社情民意信息或委员来信等渠道继续反映。`),
  },
  convert: {
    patch: async (_p, input, _tx, _today, now) => ({ convertedTo: input.to, decisionReason: input.reason, decidedAt: now }),
    alsoDo: async (p, input, uow, actor, _today, now) => {
      if (input.to === 'opinion') await opinionFromRecord(uow, { actor, record: await handedOver(uow.tx, p), now });
      await notifyAuthors(uow.tx, p, `提案已转为${input.to === 'opinion' ? '社情民意信息，由信息科编辑处理' : '意见建议'}：${p.title}`, input.reason);
    },
  },
  return: {
    patch: async (_p, input) => ({ decisionReason: input.reason }),
    alsoDo: async (p, input, uow) => notifyAuthors(uow.tx, p, `提案被退回修改：${p.title}`, input.reason, false),
  },
  // only once the rating period has run out: the table's precondition (workflow.ts)
  close: {
    patch: async () => ({ rateDeadline: null }),
    alsoDo: async (p, input, uow) => notifyAuthors(uow.tx, p, `提案已办结：${p.title}`, input.reason),
  },
};

/**
 * Applies a review or decision action to a proposal (the route's one call). `ctx.now` is the app's clock
 * (submitted at / decided at); `ctx.today` its day in China, for guards and the ledger.
 * `decideProposal(ctx, { id, action: 'return', input: { version, reason } })`
 */
export async function decideProposal<A extends DecisionAction>({ database, actor, today, now }: CommandContext, { id, action, input }: { id: string; action: A; input: Payload<A> }): Promise<Proposal> {
  const effect = effects[action] as Effect<A>;
  const note = (input as any).opinion ?? (input as any).reason;
  // set by `context`, which the transition runs first, in the same transaction as patch and alsoDo
  let loaded: Loaded | undefined;
  return applyTransition(database, {
    workflow: proposalWorkflow,
    table: proposals,
    id,
    action,
    actor,
    version: input.version,
    label: '提案',
    note,
    // read once, in the transaction: the proposal with its parties, which the actor must be able to
    // read (else not found, before any state talk), and the settings the guards and effects read
    context: async (row: Proposal, uow: UnitOfWork) => {
      const [subject] = await withParties(uow.tx, [row]);
      authorize(proposalPolicy, 'read', actor, subject);
      loaded = { subject, settings: await getSettings(uow.tx, proposalSettings, row.committeeId, row.year) };
      return guardContext(subject, today, loaded.settings.minCosigners);
    },
    patch: (p: Proposal, uow) => effect.patch?.(p, input, uow.tx, today, now, loaded!) ?? {},
    patchLast: effect.patchLast,
    alsoDo: (updated: Proposal, _before, uow) => effect.alsoDo?.(updated, input, uow, actor, today, now, loaded!) ?? Promise.resolve(),
  });
}

export const stateLabel = (s: string) => proposalStates[s as keyof typeof proposalStates] ?? s;
