import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { committees } from '../tenancy/schema.js';
import { sessions, users } from './schema.js';
import type { Actor, Office, Role } from './actor.js';

export const SESSION_COOKIE = 'sl_session';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a new session (a fresh token every login, so a planted cookie is useless: no fixation). */
export async function startSession(database: Database, userId: string, policy: SessionPolicy, at = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = at.getTime();
  await database.db.insert(sessions).values({
    id: tokenHash(token),
    userId,
    csrfToken,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(now + policy.maxHours * 3600_000),
  });
  return { token, csrfToken };
}

export interface SessionContext {
  actor: Actor;
  csrfToken: string;
  user: typeof users.$inferSelect;
  committee: typeof committees.$inferSelect;
  /** the generations of the committee's and the shared cached tables (platform/cache), read in the same statement */
  generations: { committee: string; shared: string };
}

/**
 * Resolves a cookie token to its actor, ending the session when it has been idle too long or
 * outlived its maximum age. Touches last_seen_at at most once a minute to spare writes.
 */
/** The session lookup of every request, built once per database and sent as a prepared statement. */
const lookups = new WeakMap<Database, ReturnType<typeof prepareLookup>>();

function prepareLookup(database: Database) {
  return database.db
    .select({
      session: sessions,
      user: users,
      committee: committees,
      // the caches' check rides on the lookup every request makes anyway: no round trip of its own
      committeeGeneration: sql<string>`coalesce((select generation from cache_generations where scope = ${users.committeeId}::text), '')`,
      sharedGeneration: sql<string>`coalesce((select generation from cache_generations where scope = '*'), '')`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(committees, eq(committees.id, users.committeeId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .limit(1)
    .prepare('session_lookup');
}

export async function resolveSession(database: Database, token: string | undefined, policy: SessionPolicy, at = new Date()): Promise<SessionContext | null> {
  if (!token) return null;
  const id = tokenHash(token);
  let lookup = lookups.get(database);
  if (!lookup) lookups.set(database, (lookup = prepareLookup(database)));
  const [row] = await lookup.execute({ id });
  if (!row) return null;
  const now = at.getTime();
  const idleFor = now - row.session.lastSeenAt.getTime();
  if (idleFor > policy.idleMinutes * 60_000 || row.session.expiresAt.getTime() < now || !row.user.active) {
    await database.db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (idleFor > 60_000) await database.db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, id));
  return {
    actor: toActor(row.user), csrfToken: row.session.csrfToken, user: row.user, committee: row.committee,
    generations: { committee: row.committeeGeneration, shared: row.sharedGeneration },
  };
}

export function toActor(user: typeof users.$inferSelect): Actor {
  return {
    userId: user.id,
    committeeId: user.committeeId,
    name: user.displayName,
    roles: user.roles as Role[],
    office: (user.office as Office) ?? null,
    memberId: user.memberId,
    unitId: user.unitId,
  };
}

export async function endSession(database: Database, token: string): Promise<void> {
  await database.db.delete(sessions).where(eq(sessions.id, tokenHash(token)));
}

/** Ends every session of a user: after a password change or when an admin disables the account. */
export async function endUserSessions(database: Database, userId: string): Promise<void> {
  await database.db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(database: Database, policy: SessionPolicy, now = new Date()): Promise<void> {
  const idleCutoff = new Date(now.getTime() - policy.idleMinutes * 60_000);
  await database.db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)));
}
