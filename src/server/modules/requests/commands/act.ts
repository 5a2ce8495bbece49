import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { AppError } from '../../../platform/errors.js';
import { recordLedger } from '../../../platform/ledger/ledger.js';
import { notify } from '../../../platform/notifications/notify.js';
import { users } from '../../../platform/auth/schema.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import { studios } from '../../org/schema.js';
import { members } from '../../members/schema.js';
import type { RequestAction, requestActionBodies } from '../../../../shared/requests/inputs.js';
import { loadRequest, requestFacts } from '../load.js';
import { requestPolicy } from '../policy.js';
import { livelihoodRequestNotes, livelihoodRequests } from '../schema.js';
import { requestWorkflow, type LivelihoodRequest } from '../workflow.js';

type Payload<A extends RequestAction> = z.output<(typeof requestActionBodies)[A]>;

/** The ledger kind of a request a member saw through to the end (performance/kinds.ts). */
export const REQUEST_HANDLED = 'request.handled';

/** Checks the studio and member staff route to (of the committee, and the member of that studio if both). */
async function checkRoute(ctx: CommandContext, p: Payload<'route'>) {
  const { db } = ctx.database;
  if (!p.studioId && !p.memberId) throw AppError.field('memberId', '承办委员', '请选择委员工作室或承办委员');
  if (p.studioId) {
    const [s] = await db.select().from(studios).where(eq(studios.id, p.studioId));
    if (!s || s.committeeId !== ctx.actor.committeeId) throw AppError.field('studioId', '委员工作室', '不存在');
  }
  if (p.memberId) {
    const [m] = await db.select().from(members).where(eq(members.id, p.memberId));
    if (!m || m.committeeId !== ctx.actor.committeeId) throw AppError.field('memberId', '承办委员', '不存在');
    if (p.studioId && m.studioId !== p.studioId) throw AppError.field('memberId', '承办委员', '不是所选工作室的委员');
  }
}

const memberUserIds = async (tx: CommandContext['database']['db'], memberIds: string[]) =>
  (await Promise.all(memberIds.map((m) => tx.select({ id: users.id }).from(users).where(eq(users.memberId, m))))).flat().map((u) => u.id);

/**
 * One step of a request's course (see workflow.ts): route, take on, record, finish, decline, publish.
 * Finishing writes the ledger entry of the member in charge in the same transaction.
 */
export async function actOnRequest<A extends RequestAction>(ctx: CommandContext, { id, action, input }: { id: string; action: A; input: Payload<A> }): Promise<LivelihoodRequest> {
  const { database, actor, today, now } = ctx;
  await loadRequest(database.db, actor, id);
  if (action === 'route') await checkRoute(ctx, input as Payload<'route'>);
  const any = input as Partial<Payload<'route'> & Payload<'record'> & Payload<'finish'> & Payload<'decline'>>;
  return applyTransition(database, {
    workflow: requestWorkflow, table: livelihoodRequests, id, action, actor, version: input.version, label: requestPolicy.label,
    context: (r, uow) => requestFacts(uow.tx, r),
    note: any.note ?? any.body ?? any.outcome ?? any.reason,
    patch: (r) => {
      switch (action) {
        case 'route':
          return { studioId: any.studioId ?? null, memberId: any.memberId ?? null, routeNote: any.note ?? null };
        case 'start':
          return { memberId: r.memberId ?? actor.memberId };
        case 'finish':
          return { outcome: any.outcome!, doneOn: today };
        case 'decline':
          return { declineReason: any.reason! };
        case 'publish':
          return { publishedAt: now };
        case 'unpublish':
          return { publishedAt: null };
        default:
          return {};
      }
    },
    alsoDo: async (r, _before, { tx }) => {
      if (action === 'record' || action === 'finish') {
        await tx.insert(livelihoodRequestNotes).values({ committeeId: r.committeeId, requestId: r.id, day: today, body: action === 'finish' ? `办结：${any.outcome}` : any.body!, byName: actor.name, byUserId: actor.userId });
      }
      if (action === 'finish' && r.memberId) {
        await recordLedger(tx, [{ committeeId: r.committeeId, memberId: r.memberId, kind: REQUEST_HANDLED, day: today, sourceType: 'livelihoodRequest', sourceId: r.id, note: `${r.category}·${r.place}` }]);
      }
      if (action === 'route') {
        const { studioMemberIds } = await requestFacts(tx, r);
        const to = r.memberId ? [r.memberId] : studioMemberIds;
        await notify(tx, { committeeId: r.committeeId, userIds: await memberUserIds(tx, to), title: `请办理群众民生诉求：${r.category}·${r.place}`, body: any.note ?? '', link: `/requests/${r.id}` });
      }
    },
  });
}
