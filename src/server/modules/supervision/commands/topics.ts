import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { AppError } from '../../../platform/errors.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import { createRecord } from '../../../platform/records/records.js';
import { proposals } from '../../proposals/schema.js';
import type { topicInput } from '../../../../shared/supervision/inputs.js';
import { topicCollectionPolicy, topicPolicy, type Topic } from '../policy.js';
import { supervisionGroups, supervisionTopicProposals, supervisionTopics } from '../schema.js';

/**
 * A supervision topic (监督议题). One raised from proposals names the proposals it came from (a
 * frequent category or a same-issue group), so the topic's page links back to them.
 */
export async function createTopic({ database, actor }: CommandContext, d: z.output<typeof topicInput>): Promise<Topic> {
  authorize(topicCollectionPolicy, 'create', actor, committeeSubject(actor));
  const { sourceProposalIds, ...values } = d;
  const ids = [...new Set(sourceProposalIds)];
  if (d.source === 'proposals' && ids.length === 0) throw AppError.field('sourceProposalIds', '来源提案', '由提案转化的议题须关联来源提案');
  if (ids.length) {
    const found = await database.db.select({ id: proposals.id }).from(proposals).where(and(eq(proposals.committeeId, actor.committeeId), inArray(proposals.id, ids)));
    if (found.length !== ids.length) throw AppError.field('sourceProposalIds', '来源提案', '不存在');
  }
  if (d.groupId) {
    const [g] = await database.db.select({ id: supervisionGroups.id }).from(supervisionGroups).where(and(eq(supervisionGroups.id, d.groupId), eq(supervisionGroups.committeeId, actor.committeeId)));
    if (!g) throw AppError.field('groupId', '承担小组', '不存在');
  }
  return createRecord<Topic>(database, {
    table: supervisionTopics, policy: topicPolicy, collection: topicCollectionPolicy, actor, values: { ...values, createdByName: actor.name },
    alsoDo: async (t, uow) => {
      if (ids.length) await uow.tx.insert(supervisionTopicProposals).values(ids.map((proposalId) => ({ topicId: t.id, proposalId, committeeId: t.committeeId })));
    },
  });
}
