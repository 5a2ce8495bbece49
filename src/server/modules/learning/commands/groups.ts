import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../db/client.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { createRecord, updateRecord } from '../../../platform/records/records.js';
import { members } from '../../members/schema.js';
import type { closeGroupBody, groupInput, groupUpdate } from '../../../../shared/learning/inputs.js';
import { groupSubjectOf, loadGroup } from '../load.js';
import { groupLink, notifyMembers } from '../notices.js';
import { groupPolicy, learningCollectionPolicy, type GroupSubject } from '../policy.js';
import { readingGroupMembers, readingGroups, type ReadingGroupRow } from '../schema.js';

/** The chosen members, each a serving member of the committee (else a field error naming them). */
async function checkMembers(db: Executor, committeeId: string, ids: string[]): Promise<string[]> {
  const wanted = [...new Set(ids)];
  const found = await db.select({ id: members.id }).from(members).where(and(inArray(members.id, wanted), eq(members.committeeId, committeeId), eq(members.status, 'active')));
  if (found.length !== wanted.length) throw AppError.field('memberIds', '小组成员', '包含不是本会在任委员的人员');
  return wanted;
}

async function setMembers(tx: Executor, group: ReadingGroupRow, ids: string[]) {
  await tx.delete(readingGroupMembers).where(eq(readingGroupMembers.groupId, group.id));
  if (ids.length) await tx.insert(readingGroupMembers).values(ids.map((memberId) => ({ groupId: group.id, memberId, committeeId: group.committeeId })));
}

/** 书香政协: the keeping offices set up a reading group; its members are told. */
export async function createGroup(ctx: CommandContext, { memberIds, ...input }: z.output<typeof groupInput>): Promise<ReadingGroupRow> {
  const ids = await checkMembers(ctx.database.db, ctx.actor.committeeId, memberIds);
  return createRecord<ReadingGroupRow>(ctx.database, {
    table: readingGroups, policy: groupPolicy, collection: learningCollectionPolicy, actor: ctx.actor,
    values: { ...input, status: 'open', createdByUserId: ctx.actor.userId },
    alsoDo: async (group, { tx }) => {
      await setMembers(tx, group, ids);
      await audit(tx, ctx.actor, { action: 'readingGroup.members', subjectType: 'readingGroup', subjectId: group.id, before: { memberIds: [] }, after: { memberIds: ids } });
      await notifyMembers(tx, group.committeeId, `书香政协：您已加入读书小组“${group.name}”`, `共读《${group.bookTitle}》，${group.startsOn}至${group.endsOn}`, groupLink(group.id), ids);
    },
  });
}

/** Edits an open group (name, book, period, members); members newly added are told. */
export async function updateGroup(ctx: CommandContext, { id, version, memberIds, ...changes }: { id: string } & z.output<typeof groupUpdate>): Promise<ReadingGroupRow> {
  const current = await loadGroup(ctx.database.db, ctx.actor, id);
  const startsOn = changes.startsOn ?? current.startsOn;
  const endsOn = changes.endsOn ?? current.endsOn;
  if (endsOn < startsOn) throw AppError.field('endsOn', '结束日期', '不能早于开始日期');
  const ids = memberIds ? await checkMembers(ctx.database.db, ctx.actor.committeeId, memberIds) : null;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  return updateRecord<ReadingGroupRow, GroupSubject>(ctx.database, {
    table: readingGroups, policy: groupPolicy, subjectOf: (row, db) => groupSubjectOf(db, row), actor: ctx.actor, id, version, changes: defined,
    alsoDo: async (group, _before, { tx }) => {
      if (!ids) return;
      const before = current.memberIds;
      await setMembers(tx, group, ids);
      await audit(tx, ctx.actor, { action: 'readingGroup.members', subjectType: 'readingGroup', subjectId: group.id, before: { memberIds: before }, after: { memberIds: ids } });
      const added = ids.filter((m) => !before.includes(m));
      await notifyMembers(tx, group.committeeId, `书香政协：您已加入读书小组“${group.name}”`, `共读《${group.bookTitle}》，${group.startsOn}至${group.endsOn}`, groupLink(group.id), added);
    },
  });
}

/** Closes a group: no more check-ins; what was read and noted stays. */
export async function closeGroup(ctx: CommandContext, { id, version }: { id: string } & z.output<typeof closeGroupBody>): Promise<ReadingGroupRow> {
  await loadGroup(ctx.database.db, ctx.actor, id);
  return updateRecord<ReadingGroupRow, GroupSubject>(ctx.database, {
    table: readingGroups, policy: groupPolicy, subjectOf: (row, db) => groupSubjectOf(db, row), actor: ctx.actor, id, version, action: 'close', changes: { status: 'closed' },
  });
}
