import { count, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { hasRole } from '../../platform/auth/actor.js';
import type { CardSource } from '../../platform/modules/manifest.js';
import { members } from '../members/schema.js';
import { sectors, specialCommittees, units } from './schema.js';

const countOf = async (db: Executor, table: typeof members | typeof sectors, committeeId: string) =>
  (await db.select({ n: count() }).from(table).where(eq(table.committeeId, committeeId)))[0].n;

/** The committee at a glance, for the people who keep it. */
export const organisationCards: CardSource = async (db, actor) => {
  if (!hasRole(actor, 'admin', 'staff', 'leader')) return [];
  const c = actor.committeeId;
  return [
    { key: 'members', section: 'overview', link: '/members', label: '委员人数', value: await countOf(db, members, c) },
    { key: 'sectors', section: 'overview', link: '/org/sectors', label: '界别', value: await countOf(db, sectors, c) },
    { key: 'specialCommittees', section: 'overview', link: '/org/special-committees', label: '专门委员会', value: await countOf(db, specialCommittees, c) },
    { key: 'units', section: 'overview', link: '/org/units', label: '承办单位', value: await countOf(db, units, c) },
  ];
};
