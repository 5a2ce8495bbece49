import type { CommandContext } from '../commands/context.js';
import type { ActivityOwner } from './owner.js';
import type { Database } from '../../db/client.js';
import type { UnitOfWork } from '../jobs/after-commit.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { plenarySessions } from '../../modules/org/schema.js';
import { assertOwnedIds } from '../tenancy/owned.js';
import { createRecord, updateRecord } from '../records/records.js';
import { addInvitees, expandScopes } from './invitations.js';
import type { ActivityKind, InvitationScope } from './kinds.js';
import { activitySubjectOf, findActivity } from './load.js';
import { chinaToday as chinaDay } from '../calendar/workdays.js';
import { notifyMembers } from './notices.js';
import { activityCollectionPolicy, activityPolicy, convenedActivityPolicy, type ActivitySubject } from './policy.js';
import { activities } from './schema.js';
import type { Activity } from './workflow.js';

export interface ActivityInput {
  kind: ActivityKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location?: string;
  mandatory?: boolean;
  sessionId?: string | null;
  agenda?: string;
  materials?: string;
  invitations: InvitationScope[];
}

/** The end after the start, an event of at most 14 days (field errors). */
export function checkTimes(startsAt: Date, endsAt: Date) {
  if (endsAt.getTime() <= startsAt.getTime()) throw AppError.field('endsAt', '结束时间', '应晚于开始时间');
  if (endsAt.getTime() - startsAt.getTime() > 14 * 24 * 3600_000) throw AppError.field('endsAt', '结束时间', '一次活动不超过14天');
}

/**
 * Schedules an event and invites the members its scopes name, in one transaction with the audit
 * row; the invitees are told after commit. The organising office is the scheduler's office.
 * `alsoDo` writes the owning module's rows in the same transaction.
 */
export async function scheduleActivity({ database, actor }: CommandContext, owner: ActivityOwner, input: ActivityInput, alsoDo?: (a: Activity, uow: UnitOfWork) => Promise<void>): Promise<Activity> {
  checkTimes(input.startsAt, input.endsAt);
  await assertOwnedIds(database.db, plenarySessions, [input.sessionId], actor.committeeId, 'sessionId', '所属大会');
  const memberIds = await expandScopes(database.db, actor.committeeId, input.invitations);
  const { invitations, ...fields } = input;
  return createRecord<Activity>(database, {
    table: activities,
    policy: activityPolicy,
    collection: owner.convenedFor ? convenedActivityPolicy : activityCollectionPolicy,
    actor,
    values: {
      ...fields,
      ownerType: owner.type,
      year: Number(chinaDay(input.startsAt).slice(0, 4)),
      organiserOffice: owner.convenedFor ?? actor.office ?? 'general',
      invitationScopes: invitations,
      createdByUserId: actor.userId,
    },
    alsoDo: async (row, uow) => {
      const added = await addInvitees(uow.tx, row, memberIds);
      await notifyMembers(uow.tx, row.committeeId, added, `会议活动通知：${row.title}`, `${row.location} ${chinaDay(row.startsAt)}${row.mandatory ? '（须出席，不能出席请请假）' : ''}`, owner.link(row.id));
      // the owner's own rows (a research visit) go in the same transaction
      await alsoDo?.(row, uow);
    },
  });
}

export type ActivityChanges = Partial<Omit<ActivityInput, 'invitations' | 'kind'>> & { minutes?: string };

/** Edits the details (time, place, agenda, materials, minutes) if the editor saw the current version. */
export async function updateActivity({ database, actor }: CommandContext, { id, version, ...changes }: ActivityChanges & { id: string; version: number }): Promise<Activity> {
  return updateRecord<Activity, ActivitySubject>(database, {
    table: activities, policy: activityPolicy, actor, id, version, action: 'manage', subjectOf: activitySubjectOf(actor),
    changes: { ...changes, ...(changes.startsAt ? { year: Number(chinaDay(changes.startsAt).slice(0, 4)) } : {}) },
    alsoDo: async (row) => checkTimes(row.startsAt, row.endsAt),
  });
}

/** Invites more members (a committee, a sector, a studio, named members); those already invited keep their rows. */
export async function inviteMore({ database, actor }: CommandContext, owner: ActivityOwner, { id, version, invitations: scopes }: { id: string; version: number; invitations: InvitationScope[] }): Promise<Activity> {
  const memberIds = await expandScopes(database.db, actor.committeeId, scopes);
  // the scopes read here are only written if the version is still the one the editor saw
  const current = await findActivity(database.db, actor, id);
  if (current.status !== 'scheduled') throw AppError.invalidState('活动已结束或已取消，不能再邀请');
  return updateRecord<Activity, ActivitySubject>(database, {
    table: activities, policy: activityPolicy, actor, id, version, action: 'manage', subjectOf: activitySubjectOf(actor),
    changes: { invitationScopes: [...(current.invitationScopes as InvitationScope[]), ...scopes] },
    alsoDo: async (row, _b, { tx }) => {
      const added = await addInvitees(tx, row, memberIds);
      await notifyMembers(tx, row.committeeId, added, `会议活动通知：${row.title}`, `${row.location} ${chinaDay(row.startsAt)}`, owner.link(row.id));
    },
  });
}
