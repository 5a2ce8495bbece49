import { and, eq, max, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { committees } from '../../platform/tenancy/schema.js';
import { opinionRevisions, opinions } from './schema.js';
import type { Level, Opinion } from './workflow.js';

export type Committee = typeof committees.$inferSelect;

export async function committeeOf(db: Executor, id: string): Promise<Committee> {
  const [c] = await db.select().from(committees).where(eq(committees.id, id));
  if (!c) throw AppError.notFound('政协委员会');
  return c;
}

/** The level a committee adopts and instructs at; a national committee counts as national. */
export const levelOf = (c: Committee): Level => (['district', 'city', 'province', 'national'].includes(c.level) ? (c.level as Level) : 'district');

/** Keeps the text as it stands now as the next revision (revision 1 is the author's original). */
export async function addRevision(tx: Tx, o: Pick<Opinion, 'id' | 'committeeId' | 'title' | 'body'>, actor: Actor, note?: string | null) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'opinion-revision:' + o.id}))`);
  const [{ n }] = await tx.select({ n: max(opinionRevisions.number) }).from(opinionRevisions).where(eq(opinionRevisions.opinionId, o.id));
  await tx.insert(opinionRevisions).values({
    committeeId: o.committeeId, opinionId: o.id, number: (n ?? 0) + 1, title: o.title, body: o.body, editorUserId: actor.userId, editorName: actor.name, note: note ?? null,
  });
}

/** The next internal serial (流水号) of a committee's reports of a year, given at submission. */
export const nextOpinionSerial = (tx: Tx, committeeId: string, year: number) =>
  nextInSequence(tx, `opinion-serial:${committeeId}:${year}`, async () =>
    (await tx.select({ n: max(opinions.serial) }).from(opinions).where(and(eq(opinions.committeeId, committeeId), eq(opinions.year, year))))[0].n,
  );

/** The next number of a per-committee-and-year sequence, handed out under a transaction lock. */
export async function nextInSequence(tx: Tx, lockKey: string, current: () => Promise<number | null>): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${lockKey}))`);
  return ((await current()) ?? 0) + 1;
}
