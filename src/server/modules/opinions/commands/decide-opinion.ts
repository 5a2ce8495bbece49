import { audit } from '../../../platform/audit/audit.js';
import { eq, max } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/commands/context.js';
import type { z } from 'zod';
import type { Tx } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors.js';
import type { UnitOfWork } from '../../../platform/jobs/after-commit.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import { addRevision, committeeOf, levelOf, nextOpinionSerial } from '../committees.js';
import type { actionBodies, OpinionDecision } from '../../../../shared/opinions/inputs.js';
import { creditAdopted, creditSubmitted } from '../ledger.js';
import { loadOpinion } from '../load.js';
import { notifyInfoOffice, notifyOpinionAuthors, opinionLink } from '../notices.js';
import { opinionAdoptions, opinionIssueItems, opinionIssues, opinions, opinionSends } from '../schema.js';
import { opinionSettings } from '../settings.js';
import { opinionWorkflow, type Opinion } from '../workflow.js';
import { checkText } from './draft-opinion.js';

type Payload<A extends OpinionDecision> = z.output<(typeof actionBodies)[A]>;

interface Effect<A extends OpinionDecision> {
  patch?: (o: Opinion, input: Payload<A>, tx: Tx, actor: Actor, now: Date) => Promise<Partial<Opinion>>;
  alsoDo?: (o: Opinion, input: Payload<A>, uow: UnitOfWork, actor: Actor, today: string) => Promise<void>;
}

/** A draft issue of the actor's committee, locked for this transaction, with the position for one more report. */
export async function openIssue(tx: Tx, actor: Actor, issueId: string) {
  const [issue] = await tx.select().from(opinionIssues).where(eq(opinionIssues.id, issueId)).for('update');
  if (!issue || issue.committeeId !== actor.committeeId) throw AppError.field('issueId', '期刊', '不存在');
  if (issue.status !== 'draft') throw AppError.field('issueId', '期刊', '该期已审核，不能再编入信息');
  const [{ n }] = await tx.select({ n: max(opinionIssueItems.position) }).from(opinionIssueItems).where(eq(opinionIssueItems.issueId, issueId));
  return { issue, position: (n ?? 0) + 1 };
}

/** What each decision does besides changing the state. */
const effects: { [A in OpinionDecision]: Effect<A> } = {
  submit: {
    patch: async (o, _i, tx, _actor, now) => {
      await checkText(tx, o.committeeId, o.year, { body: o.body });
      return { serial: o.serial ?? (await nextOpinionSerial(tx, o.committeeId, o.year)), submittedAt: now };
    },
    alsoDo: async (o, _i, uow, actor, today) => {
      await addRevision(uow.tx, o, actor, '原稿');
      await creditSubmitted(uow.tx, o, today);
      await notifyInfoOffice(uow.tx, o.committeeId, `新报送社情民意：${o.title}`, opinionLink(o.id), o.authorText);
    },
  },
  withdraw: {},
  decline: {
    patch: async (_o, input) => ({ feedback: input.feedback }),
    alsoDo: async (o, input, uow) => notifyOpinionAuthors(uow.tx, o, `社情民意未采用：${o.title}`, input.feedback),
  },
  adopt: {
    patch: async (_o, input, tx, actor) => {
      await openIssue(tx, actor, input.issueId);
      return { issueId: input.issueId };
    },
    alsoDo: async (o, input, uow, actor, today) => {
      const { issue, position } = await openIssue(uow.tx, actor, input.issueId);
      await uow.tx.insert(opinionIssueItems).values({ issueId: issue.id, opinionId: o.id, committeeId: issue.committeeId, position });
      const committee = await committeeOf(uow.tx, o.committeeId);
      const { periodical } = await getSettings(uow.tx, opinionSettings, o.committeeId, o.year);
      const level = levelOf(committee);
      await uow.tx.insert(opinionAdoptions).values({
        committeeId: o.committeeId, opinionId: o.id, level, mode: o.authorType === 'combined' ? 'digest' : 'alone',
        adoptedBy: `${committee.shortName}《${periodical}》${issue.title}`, adoptedOn: today, issueId: issue.id,
        recordedByCommitteeId: actor.committeeId, recordedByName: actor.name,
      });
      await creditAdopted(uow.tx, o, level, today);
      await notifyOpinionAuthors(uow.tx, o, `社情民意已采用：${o.title}`, `编入《${periodical}》${issue.title}`);
    },
  },
  sendUp: {
    patch: async (o, _i, tx, _actor, now) => {
      const committee = await committeeOf(tx, o.committeeId);
      if (!committee.parentId) throw AppError.invalidState('本会没有上级政协');
      return { sentUpToCommitteeId: committee.parentId, sentUpAt: now };
    },
    alsoDo: async (o, input, uow, actor, today) => {
      const parent = await committeeOf(uow.tx, o.sentUpToCommitteeId!);
      await uow.tx
        .insert(opinionSends)
        .values({ committeeId: o.committeeId, opinionId: o.id, kind: 'higherCommittee', targetName: parent.shortName, targetCommitteeId: parent.id, sentOn: today, issueId: o.issueId, recordedByName: actor.name, note: input.note ?? null });
      const from = await committeeOf(uow.tx, o.committeeId);
      // the district's chain has the transition's row; the city's chain records what arrived (both chains)
      await audit(uow.tx, { ...actor, committeeId: parent.id }, { action: 'opinion.sendUp', subjectType: 'opinion', subjectId: o.id, after: { from: from.shortName, title: o.title }, note: input.note ?? undefined });
      await notifyInfoOffice(uow.tx, parent.id, `${from.shortName}报送社情民意：${o.title}`, opinionLink(o.id), input.note ?? '');
      await notifyOpinionAuthors(uow.tx, o, `社情民意已报送${parent.shortName}：${o.title}`);
    },
  },
};

/** Applies a decision to a report (the route's one call). */
export async function decideOpinion<A extends OpinionDecision>({ database, actor, today, now }: CommandContext, { id, action, input }: { id: string; action: A; input: Payload<A> }): Promise<Opinion> {
  await loadOpinion(database.db, actor, id); // not readable → not found, before any state talk
  const effect = effects[action] as Effect<A>;
  return applyTransition(database, {
    workflow: opinionWorkflow, table: opinions, id, action, actor, version: input.version, label: '社情民意信息',
    note: (input as { feedback?: string; note?: string }).feedback ?? (input as { note?: string }).note,
    patch: (o: Opinion, uow) => effect.patch?.(o, input, uow.tx, actor, now) ?? {},
    alsoDo: (updated: Opinion, _before, uow) => effect.alsoDo?.(updated, input, uow, actor, today) ?? Promise.resolve(),
  });
}
