import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors.js';
import { createRecord, loadRecord, updateRecord } from '../../../platform/records/records.js';
import { members } from '../../members/schema.js';
import type { contactPointInput, contactPointPatch } from '../../../../shared/opinions/contact-points.js';
import { opinionContactPoints, type ContactLiaison } from '../schema.js';
import { contactPointCollectionPolicy, contactPointPolicy, type ContactPoint } from './policy.js';

const uniqueName = { opinion_contact_points_name_uq: { field: 'name', label: '联系点名称' } };

export const loadContactPoint = (db: Executor, actor: Actor, id: string) => loadRecord<ContactPoint>(db, opinionContactPoints, id, actor, contactPointPolicy);

/**
 * The liaison people as stored: a member by id (named as on the roster, no phone kept here — the
 * roster has it), or a non-member with a name and, optionally, a phone.
 */
async function liaisonsOf(db: Executor, actor: Actor, input: z.output<typeof contactPointInput>['liaisons']): Promise<ContactLiaison[]> {
  const ids = input.map((l) => l.memberId).filter((x): x is string => !!x);
  const found = ids.length ? await db.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.committeeId, actor.committeeId), inArray(members.id, ids))) : [];
  return input.map((l, i) => {
    if (l.memberId) {
      const m = found.find((x) => x.id === l.memberId);
      if (!m) throw AppError.field(`liaisons.${i}.memberId`, '联络员（委员）', '不存在');
      return { memberId: m.id, name: m.name, phone: null };
    }
    if (!l.name) throw AppError.field(`liaisons.${i}.name`, '联络员姓名', '请选择委员或填写联络员姓名');
    return { memberId: null, name: l.name, phone: l.phone || null };
  });
}

/** 设立联系点: the information office records a place and its liaison people. */
export async function createContactPoint({ database, actor }: CommandContext, input: z.output<typeof contactPointInput>): Promise<ContactPoint> {
  const liaisons = await liaisonsOf(database.db, actor, input.liaisons);
  return createRecord<ContactPoint>(database, {
    table: opinionContactPoints, policy: contactPointPolicy, collection: contactPointCollectionPolicy, actor, uniqueFields: uniqueName,
    values: { ...input, liaisons },
  });
}

/** Changes a point (its liaisons, or closing it: `active: false` keeps its reports and figures). */
export async function updateContactPoint({ database, actor }: CommandContext, { id, version, liaisons, ...changes }: z.output<typeof contactPointPatch> & { id: string }): Promise<ContactPoint> {
  const clean: Record<string, unknown> = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  if (liaisons) clean.liaisons = await liaisonsOf(database.db, actor, liaisons);
  return updateRecord<ContactPoint>(database, { table: opinionContactPoints, policy: contactPointPolicy, actor, id, version, changes: clean, uniqueFields: uniqueName });
}

/**
 * A report names a contact point in use of its committee; one it already names stays valid even
 * if the point was closed since.
 */
export async function checkContactPoint(db: Executor, actor: Actor, contactPointId: string | null | undefined, current: string | null = null) {
  if (!contactPointId || contactPointId === current) return;
  const [p] = await db.select().from(opinionContactPoints).where(and(eq(opinionContactPoints.id, contactPointId), eq(opinionContactPoints.committeeId, actor.committeeId)));
  if (!p) throw AppError.field('contactPointId', '联系点', '不存在');
  if (!p.active) throw AppError.field('contactPointId', '联系点', '该联系点已停用');
}
