import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../db/client.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { AppError } from '../../../platform/errors.js';
import type { UnitOfWork } from '../../../platform/jobs/after-commit.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import { createRecord, updateRecord } from '../../../platform/records/records.js';
import { members } from '../../members/schema.js';
import { assertOwned } from '../../org/lookups.js';
import type { groupInput, groupPatch, supervisorInput, supervisorPatch } from '../../../../shared/supervision/inputs.js';
import { creditMembership, voidMembership } from '../ledger.js';
import { withMembers } from '../load.js';
import { groupCollectionPolicy, groupPolicy, supervisorCollectionPolicy, supervisorPolicy, type Group, type Supervisor } from '../policy.js';
import { specialSupervisors, supervisionGroupMembers, supervisionGroups, supervisionSuggestions } from '../schema.js';

type GroupRow = typeof supervisionGroups.$inferSelect;
const unique = { supervision_groups_name_uq: { field: 'name', label: '小组名称' } };

async function assertMembers(db: Executor, committeeId: string, ids: string[], field: string, label: string) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const found = await db.select({ id: members.id }).from(members).where(and(eq(members.committeeId, committeeId), inArray(members.id, wanted)));
  if (found.length !== wanted.length) throw AppError.field(field, label, '不存在');
}

/**
 * Makes the group's member list what was asked (the leader always among them), crediting who joins
 * and voiding the entries of who leaves, in the caller's transaction.
 */
async function syncMembers(uow: UnitOfWork, group: GroupRow, { leaderId, memberIds, today, now }: { leaderId: string; memberIds: string[]; today: string; now: Date }) {
  const wanted = new Map<string, string>([...memberIds.map((id) => [id, 'member'] as [string, string]), [leaderId, 'leader']]);
  const current = await uow.tx.select().from(supervisionGroupMembers).where(eq(supervisionGroupMembers.groupId, group.id));
  for (const c of current) {
    const role = wanted.get(c.memberId);
    if (!role) {
      await uow.tx.delete(supervisionGroupMembers).where(eq(supervisionGroupMembers.id, c.id));
      await voidMembership(uow.tx, group.id, c.memberId, now);
    } else if (role !== c.role) {
      await uow.tx.update(supervisionGroupMembers).set({ role }).where(eq(supervisionGroupMembers.id, c.id));
    }
  }
  for (const [memberId, role] of wanted) {
    if (current.some((c) => c.memberId === memberId)) continue;
    await uow.tx.insert(supervisionGroupMembers).values({ committeeId: group.committeeId, groupId: group.id, memberId, role, joinedOn: today });
    await creditMembership(uow.tx, group.committeeId, group.id, memberId, role === 'leader' ? '组长' : '组员', today);
  }
  // the group's suggestions carry who may act for the group (their workflow guards read the row)
  await uow.tx.update(supervisionSuggestions).set({ leaderMemberId: leaderId, groupMemberIds: [...wanted.keys()] }).where(eq(supervisionSuggestions.groupId, group.id));
}

/** The office sets up a supervision group for the term: leader, members and the units it supervises. */
export async function createGroup({ database, actor, today, now }: CommandContext, d: z.output<typeof groupInput>): Promise<GroupRow> {
  authorize(groupCollectionPolicy, 'create', actor, committeeSubject(actor));
  await assertMembers(database.db, actor.committeeId, [d.leaderMemberId], 'leaderMemberId', '组长');
  await assertMembers(database.db, actor.committeeId, d.memberIds, 'memberIds', '组员');
  await assertOwned(database.db, 'units', d.unitIds, actor.committeeId, 'unitIds', '监督单位');
  const { memberIds, ...values } = d;
  return createRecord<GroupRow>(database, {
    table: supervisionGroups, policy: groupPolicy, collection: groupCollectionPolicy, actor, uniqueFields: unique, values: { ...values, unitIds: [...new Set(d.unitIds)] },
    alsoDo: (g, uow) => syncMembers(uow, g, { leaderId: d.leaderMemberId, memberIds, today, now }),
  });
}

export async function updateGroup({ database, actor, today, now }: CommandContext, { id, ...d }: { id: string } & z.output<typeof groupPatch>): Promise<GroupRow> {
  const { version, memberIds, ...changes } = d;
  if (d.leaderMemberId) await assertMembers(database.db, actor.committeeId, [d.leaderMemberId], 'leaderMemberId', '组长');
  if (memberIds) await assertMembers(database.db, actor.committeeId, memberIds, 'memberIds', '组员');
  if (d.unitIds) await assertOwned(database.db, 'units', d.unitIds, actor.committeeId, 'unitIds', '监督单位');
  return updateRecord<GroupRow, Group>(database, {
    table: supervisionGroups, policy: groupPolicy, actor, id, version, uniqueFields: unique, changes,
    subjectOf: async (row, db) => (await withMembers(db, [row]))[0],
    alsoDo: async (g, before, uow) => {
      const current = (await withMembers(uow.tx, [before]))[0].memberIds;
      // a new leader without a new list: the former leader stays on as a member
      if (memberIds || d.leaderMemberId) await syncMembers(uow, g, { leaderId: g.leaderMemberId, memberIds: memberIds ?? current, today, now });
    },
  });
}

async function assertGroup(db: Executor, committeeId: string, groupId: string | null | undefined) {
  if (!groupId) return;
  const [g] = await db.select({ id: supervisionGroups.id }).from(supervisionGroups).where(and(eq(supervisionGroups.id, groupId), eq(supervisionGroups.committeeId, committeeId)));
  if (!g) throw AppError.field('groupId', '所在小组', '不存在');
}

/** 特约监督员: the office names one for the term: `createSupervisor(ctx, { name, workplace, groupId, term })`. */
export async function createSupervisor({ database, actor }: CommandContext, d: z.output<typeof supervisorInput>) {
  authorize(supervisorCollectionPolicy, 'create', actor, committeeSubject(actor));
  await assertGroup(database.db, actor.committeeId, d.groupId);
  return createRecord<Supervisor>(database, { table: specialSupervisors, policy: supervisorPolicy, collection: supervisorCollectionPolicy, actor, values: d });
}

/** Changes a special supervisor: `updateSupervisor(ctx, { id, version, ...changes })`. */
export async function updateSupervisor({ database, actor }: CommandContext, { id, ...d }: { id: string } & z.output<typeof supervisorPatch>) {
  const { version, ...changes } = d;
  await assertGroup(database.db, actor.committeeId, d.groupId);
  return updateRecord<Supervisor>(database, { table: specialSupervisors, policy: supervisorPolicy, actor, id, version, changes });
}
