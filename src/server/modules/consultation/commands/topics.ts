import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../../db/client.js';
import { hasRole, systemActor, type Actor } from '../../../platform/auth/actor.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { assertOwnedIds } from '../../../platform/tenancy/owned.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import { specialCommittees } from '../../org/schema.js';
import { members } from '../../members/schema.js';
import type { publicTopicDraft, topicActionBodies, TopicDecision, topicDraft } from '../../../../shared/consultation/inputs.js';
import { topicCollectionPolicy, topicPolicy } from '../policy.js';
import { consultationTopics } from '../schema.js';
import { consultationSettings } from '../settings.js';
import { notifyOffice, notifyTopicAuthor } from '../notices.js';
import { topicWorkflow, type Topic } from '../workflow.js';

type Draft = z.output<typeof topicDraft>;

/** Who a suggestion is printed as: the member, the special committee, or the setting body. */
async function proposerOf(database: Database, actor: Actor, d: Draft): Promise<Pick<Topic, 'proposerName' | 'authorMemberId' | 'specialCommitteeId'>> {
  const { db } = database;
  // named even where the source does not use it: a write never accepts another committee's id
  await assertOwnedIds(db, specialCommittees, [d.specialCommitteeId], actor.committeeId, 'specialCommitteeId', '提出的专委会');
  if (d.source === 'member') {
    if (!actor.memberId) throw AppError.field('source', '选题来源', '委员荐题由委员本人提出');
    const [m] = await db.select({ name: members.name }).from(members).where(eq(members.id, actor.memberId));
    return { proposerName: m?.name ?? actor.name, authorMemberId: actor.memberId, specialCommitteeId: null };
  }
  authorize(topicCollectionPolicy, 'enterForBody', actor, committeeSubject(actor));
  if (d.source === 'committee') {
    if (!d.specialCommitteeId) throw AppError.field('specialCommitteeId', '提出的专委会', '政协选题须选择提出的专委会');
    const [c] = await db.select().from(specialCommittees).where(eq(specialCommittees.id, d.specialCommitteeId));
    if (!c || c.committeeId !== actor.committeeId) throw AppError.field('specialCommitteeId', '提出的专委会', '不存在');
    return { proposerName: c.name, authorMemberId: null, specialCommitteeId: c.id };
  }
  if (!d.proposerName) throw AppError.field('proposerName', '点题单位', d.source === 'party' ? '党政点题须填写点题单位（如区委办公室）' : '请填写提出人（如群众姓名或来源渠道）');
  return { proposerName: d.proposerName, authorMemberId: null, specialCommitteeId: null };
}

/**
 * A suggestion entered in the platform: 委员荐题 by a member, the other sources by the office (a 群众出题
 * the office collected, e.g. from the 12345 hotline, needs no moderation — the office entered it).
 */
export async function suggestTopic({ database, actor, today }: CommandContext, d: Draft): Promise<Topic> {
  authorize(topicCollectionPolicy, 'create', actor, committeeSubject(actor));
  if (hasRole(actor, 'member') && !hasRole(actor, 'staff', 'admin') && d.source !== 'member') throw AppError.field('source', '选题来源', '委员只能提出委员荐题');
  const year = d.year ?? Number(today.slice(0, 4));
  const who = await proposerOf(database, actor, d);
  return inTransaction(database, async (uow) => {
    const [row] = await uow.tx
      .insert(consultationTopics)
      .values({ committeeId: actor.committeeId, year, source: d.source, title: d.title, reason: d.reason, ...who, createdByUserId: actor.userId, status: 'submitted' })
      .returning();
    await audit(uow.tx, actor, { action: 'consultationTopic.create', subjectType: 'consultationTopic', subjectId: row.id, after: row });
    if (d.source === 'member') await notifyOffice(uow.tx, actor.committeeId, `委员荐题：${row.title}`, row.id);
    return row;
  });
}

/**
 * 群众出题 from the portal: held as pending — nobody but the office sees it until it is moderated.
 * The committee may turn public suggestions off (setting `publicTopics`).
 */
export async function suggestPublicTopic(database: Database, committeeId: string, d: z.output<typeof publicTopicDraft>, today: string): Promise<Topic> {
  const year = Number(today.slice(0, 4));
  const settings = await getSettings(database.db, consultationSettings, committeeId, year);
  if (!settings.publicTopics) throw AppError.forbidden('本会暂不接受群众出题');
  const portal = { ...systemActor(committeeId), name: `群众（${d.contactName}）`, roles: [] };
  return inTransaction(database, async (uow) => {
    const [row] = await uow.tx
      .insert(consultationTopics)
      .values({
        committeeId, year, source: 'public', title: d.title, reason: d.reason, proposerName: `群众（${d.contactName}）`,
        contactName: d.contactName, contactPhone: d.contactPhone, createdByUserId: null, status: 'pending',
      })
      .returning();
    await audit(uow.tx, portal, { action: 'consultationTopic.create', subjectType: 'consultationTopic', subjectId: row.id, after: { title: row.title, source: 'public' } });
    await notifyOffice(uow.tx, committeeId, `群众出题待审核：${row.title}`, row.id);
    return row;
  });
}

type Payload = z.output<(typeof topicActionBodies)[TopicDecision]>;

/**
 * Moderation (publish / reject), declining with a reason, and the author's withdrawal.
 * `decideTopic(ctx, { id, action: 'decline', input: { version, feedback } })`
 */
export async function decideTopic({ database, actor }: CommandContext, { id, action, input }: { id: string; action: TopicDecision; input: Payload }): Promise<Topic> {
  const [row] = await database.db.select().from(consultationTopics).where(eq(consultationTopics.id, id));
  if (!row) throw AppError.notFound(topicPolicy.label);
  authorize(topicPolicy, 'read', actor, row);
  const feedback = 'feedback' in input ? input.feedback : undefined;
  return applyTransition(database, {
    workflow: topicWorkflow, table: consultationTopics, id, action, actor, version: input.version, label: topicPolicy.label, note: feedback,
    patch: () => (feedback ? { feedback } : {}),
    alsoDo: async (t, _before, uow) => {
      if (action === 'decline') await notifyTopicAuthor(uow.tx, t, `您提出的协商选题未被采纳：${t.title}`, feedback);
    },
  });
}
