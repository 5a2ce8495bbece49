import type { FastifyInstance } from 'fastify';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hasRole } from '../../platform/auth/actor.js';
import { actorOf } from '../../platform/http/context.js';
import { notifications } from '../../platform/notifications/schema.js';
import { members } from '../members/schema.js';
import { sectors, specialCommittees, units } from '../org/schema.js';

export interface Card {
  key: string;
  label: string;
  value: number;
}
/** Each module contributes home-page figures for the roles it concerns. */
export type CardSource = (db: Executor, actor: Actor) => Promise<Card[]>;

const countOf = async (db: Executor, table: typeof members | typeof sectors, committeeId: string) =>
  (await db.select({ n: count() }).from(table).where(eq(table.committeeId, committeeId)))[0].n;

const organisation: CardSource = async (db, actor) => {
  if (!hasRole(actor, 'admin', 'staff', 'leader')) return [];
  const c = actor.committeeId;
  return [
    { key: 'members', label: '委员人数', value: await countOf(db, members, c) },
    { key: 'sectors', label: '界别', value: await countOf(db, sectors, c) },
    { key: 'specialCommittees', label: '专门委员会', value: await countOf(db, specialCommittees, c) },
    { key: 'units', label: '承办单位', value: await countOf(db, units, c) },
  ];
};

const inbox: CardSource = async (db, actor) => {
  const [{ n }] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return [{ key: 'unread', label: '未读消息', value: n }];
};

export const cardSources: CardSource[] = [organisation, inbox];

export async function dashboardRoutes(app: FastifyInstance) {
  const { db } = app.services.database;
  app.get('/api/dashboard', { schema: { tags: ['stats'], summary: '首页数据' } }, async (req) => {
    const actor = actorOf(req);
    const cards = (await Promise.all(cardSources.map((source) => source(db, actor)))).flat();
    return { cards };
  });
}
