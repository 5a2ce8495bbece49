import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { users } from '../../platform/auth/schema.js';
import type { User } from './schema.js';

/** Every account of the actor's committee, by user name. */
export const listUsers = (db: Executor, actor: Actor): Promise<User[]> =>
  db.select().from(users).where(eq(users.committeeId, actor.committeeId)).orderBy(asc(users.username));
