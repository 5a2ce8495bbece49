import { and, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { hasRole } from '../auth/actor.js';
import type { CommandContext } from '../commands/context.js';
import { AppError } from '../errors.js';
import { inTransaction } from '../jobs/after-commit.js';
import { authorize, committeeSubject } from '../policy/policy.js';
import { transitionWithin } from '../workflow/apply.js';
import { offeredActions } from '../workflow/workflow.js';
import { loadLookups } from '../../modules/org/lookups.js';
import { labelOf } from '../../../shared/labels.js';
import { handledTypes, promiseOutcomes, promiseStates, type HandledType, type PromiseOutcome, type PromiseState } from '../../../shared/handling/labels.js';
import type { Presented } from '../../../shared/http/responses.js';
import type { promiseItem, promiseList } from '../../../shared/handling/responses.js';
import { promisesPolicy } from './policy.js';
import { portOf, type HandlingPort, type HandlingSubject } from './ports.js';
import { replies } from './schema.js';
import { promiseWorkflow } from './workflow.js';

type Reply = typeof replies.$inferSelect;

/** Calendar days from the promised date to today: negative before it. */
const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Where a promise stands today. */
export const promiseState = (r: Pick<Reply, 'promisedBy' | 'promiseOutcome'>, today: string): PromiseState =>
  r.promiseOutcome ? 'recorded' : r.promisedBy! <= today ? 'due' : 'pending';

/**
 * 登记承诺兑现情况: the unit that promised, or the office overseeing the type, records once the
 * promised date is due whether the promise was kept — 已兑现 / 部分兑现 / 未兑现, with a note and the
 * day it was checked (not after today) — through the promise table: version check (409), audit row
 * on the subject's timeline. Recording again corrects it.
 * `recordPromiseOutcome(ctx, { id, version, outcome: 'kept', note, checkedOn })`
 */
export const recordPromiseOutcome = ({ database, actor, today }: CommandContext, { id, version, outcome, note, checkedOn }: { id: string; version: number; outcome: PromiseOutcome; note: string; checkedOn: string }) =>
  inTransaction(database, async (uow) => {
    const [reply] = await uow.tx.select().from(replies).where(eq(replies.id, id));
    if (!reply || reply.committeeId !== actor.committeeId) throw AppError.notFound('答复');
    const port = await portOf(reply.subjectType);
    // who may not read the reply is told it does not exist: staff read replies once signed off (presentReplies), a unit its own
    const readable = reply.unitId === actor.unitId || (hasRole(actor, 'staff', 'admin') && reply.status !== 'draft');
    if (!readable) throw AppError.notFound('答复');
    if (checkedOn > today) throw AppError.field('checkedOn', '核实日期', `不能晚于今天（${today}）`);
    return transitionWithin(uow, {
      workflow: promiseWorkflow, table: replies, id, action: 'record', actor, version, label: '答复',
      context: { today, office: port.office },
      auditAs: (r: Reply) => ({ subjectType: r.subjectType, subjectId: r.subjectId }),
      patch: () => ({ promiseOutcome: outcome, promiseNote: note, promiseCheckedOn: checkedOn, promiseRecordedBy: actor.name }),
    });
  });

/** The handled types whose promises the actor reads: a unit and admins or leaders every type, staff those their office oversees. */
async function readableTypes(actor: Actor): Promise<HandlingPort[]> {
  const ports = await Promise.all((Object.keys(handledTypes) as HandledType[]).map((t) => portOf(t)));
  return hasRole(actor, 'unit', 'admin', 'leader') ? ports : ports.filter((p) => p.office === actor.office);
}

const order: Record<PromiseState, number> = { due: 0, pending: 1, recorded: 2 };

/**
 * 承诺兑现: the promises sent replies made — a unit's own, or those of the types the office
 * oversees — due first (the longest overdue at the top), then those not yet due (soonest first),
 * then the recorded ones (latest first), each with whether this person may record its outcome now.
 */
export async function listPromises(db: Executor, actor: Actor, today: string, filter: { type?: HandledType; state?: PromiseState }): Promise<Presented<typeof promiseList>> {
  authorize(promisesPolicy, 'view', actor, committeeSubject(actor));
  const ports = (await readableTypes(actor)).filter((p) => !filter.type || p.type === filter.type);
  const where: SQL[] = [eq(replies.committeeId, actor.committeeId), eq(replies.status, 'sent'), isNotNull(replies.promisedBy)];
  if (hasRole(actor, 'unit')) where.push(eq(replies.unitId, actor.unitId!));
  const rows = ports.length ? await db.select().from(replies).where(and(...where, inArray(replies.subjectType, ports.map((p) => p.type)))) : [];
  const lookups = await loadLookups(db, actor.committeeId);
  // one read per record, as the worklist does: a committee's promises are tens a year, not thousands
  const subjects = new Map<string, HandlingSubject | null>();
  const all: Presented<typeof promiseItem>[] = [];
  for (const r of rows) {
    const port = ports.find((p) => p.type === r.subjectType)!;
    const key = `${r.subjectType}:${r.subjectId}`;
    if (!subjects.has(key)) subjects.set(key, await port.load(db, r.subjectId));
    const subject = subjects.get(key);
    if (!subject) continue;
    const state = promiseState(r, today);
    const offered = offeredActions(promiseWorkflow, actor, r, { today, office: port.office });
    all.push({
      id: r.id, version: r.version, type: r.subjectType, typeLabel: port.label, subjectId: r.subjectId, title: subject.title, link: port.link(r.subjectId),
      unitName: lookups.units.byId.get(r.unitId) ?? '', answerClass: r.answerClass, promise: r.promise ?? '', promisedBy: r.promisedBy!,
      state, stateLabel: labelOf(promiseStates, state), daysPast: daysFrom(r.promisedBy!, today),
      outcome: r.promiseOutcome, outcomeLabel: r.promiseOutcome ? labelOf(promiseOutcomes, r.promiseOutcome) : null,
      note: r.promiseNote, checkedOn: r.promiseCheckedOn, recordedBy: r.promiseRecordedBy,
      actions: offered.actions, blocked: offered.blocked,
    });
  }
  all.sort((a, b) => order[a.state as PromiseState] - order[b.state as PromiseState] || (a.state === 'recorded' ? (b.checkedOn ?? '').localeCompare(a.checkedOn ?? '') : a.promisedBy.localeCompare(b.promisedBy)));
  const count = (f: (i: (typeof all)[number]) => boolean) => all.filter(f).length;
  return {
    items: filter.state ? all.filter((i) => i.state === filter.state) : all,
    counts: {
      pending: count((i) => i.state === 'pending'), due: count((i) => i.state === 'due'), recorded: count((i) => i.state === 'recorded'),
      kept: count((i) => i.outcome === 'kept'), partly: count((i) => i.outcome === 'partly'), broken: count((i) => i.outcome === 'broken'),
    },
  };
}
