import type { z } from 'zod';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { hasRole } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import type { UnitOfWork } from '../../../platform/jobs/after-commit.js';
import { createRecord, updateRecord } from '../../../platform/records/records.js';
import { getSettings } from '../../../platform/settings/settings.js';
import type { opinionDraft } from '../../../../shared/opinions/inputs.js';
import { loadOpinion, opinionSubjectOf } from '../load.js';
import { opinionCollectionPolicy, opinionPolicy, type OpinionSubject } from '../policy.js';
import { opinions } from '../schema.js';
import { opinionSettings } from '../settings.js';
import type { Opinion } from '../workflow.js';
import { checkContactPoint } from '../contact-points/commands.js';

type Draft = z.output<typeof opinionDraft>;

/** One issue, at most the committee's configured length (default 1,500 characters). */
export async function checkText(db: Executor, committeeId: string, year: number, t: { body?: string; category?: string }) {
  const settings = await getSettings(db, opinionSettings, committeeId, year);
  if (t.body !== undefined && [...t.body].length > settings.maxLength) throw AppError.field('body', '正文', `不能超过${settings.maxLength}个字（现有${[...t.body].length}个字）`);
  if (t.category !== undefined && !settings.categories.includes(t.category)) throw AppError.field('category', '类别', `应为：${settings.categories.join('、')}`);
}

function checkAuthor(actor: Actor, d: Pick<Draft, 'authorType' | 'authorBody'>) {
  if (d.authorType === 'member' && !actor.memberId) throw AppError.field('authorType', '报送方式', '只有委员可以以个人名义报送');
  if (d.authorType !== 'member') {
    if (!hasRole(actor, 'staff', 'admin')) throw AppError.field('authorType', '报送方式', '党派团体、专委会、下级政协的信息由经办工作人员报送');
    if (!d.authorBody) throw AppError.field('authorBody', '报送单位', '请填写报送单位');
  }
}

/**
 * A member's (or a body's) draft report; `alsoDo` runs in its transaction (a converted livelihood
 * request links it); `author` makes another member of the committee its reporter (a suggestion made
 * at the Members' Home, converted by the member on duty).
 * `createOpinion(ctx, { draft, alsoDo, author })`
 */
export async function createOpinion(
  { database, actor, today }: CommandContext,
  { draft: d, alsoDo, author }: { draft: Draft; alsoDo?: (o: Opinion, uow: UnitOfWork) => Promise<void>; author?: { memberId: string; name: string } },
): Promise<Opinion> {
  authorize(opinionCollectionPolicy, 'create', actor, committeeSubject(actor));
  const year = Number(today.slice(0, 4));
  checkAuthor(actor, d);
  await checkText(database.db, actor.committeeId, year, d);
  await checkContactPoint(database.db, actor, d.contactPointId);
  const forMember = d.authorType === 'member';
  return createRecord<Opinion>(database, {
    table: opinions, policy: opinionPolicy, collection: opinionCollectionPolicy, actor,
    values: {
      ...d, year, authorMemberId: forMember ? (author?.memberId ?? actor.memberId) : null, authorBody: forMember ? null : d.authorBody,
      authorText: forMember ? (author?.name ?? actor.name) : d.authorBody, createdByUserId: actor.userId,
    },
    alsoDo,
  });
}

/** The author edits their draft. */
export async function updateOpinion({ database, actor }: CommandContext, { id, version, ...d }: { id: string; version: number } & Partial<Draft>): Promise<Opinion> {
  const current = await loadOpinion(database.db, actor, id);
  authorize(opinionPolicy, 'update', actor, current);
  const authorType = d.authorType ?? (current.authorType as Draft['authorType']);
  checkAuthor(actor, { authorType, authorBody: d.authorBody ?? current.authorBody });
  await checkText(database.db, current.committeeId, current.year, d);
  await checkContactPoint(database.db, actor, d.contactPointId, current.contactPointId);
  const changes: Record<string, unknown> = { ...d };
  if (d.authorBody !== undefined && authorType !== 'member') changes.authorText = d.authorBody;
  return updateRecord<Opinion, OpinionSubject>(database, { table: opinions, policy: opinionPolicy, subjectOf: opinionSubjectOf, actor, id, version, changes });
}
