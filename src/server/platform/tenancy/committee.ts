import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { AppError } from '../errors.js';
import { committees } from './schema.js';

/**
 * A committee the public names by id (the portal's lists and pages, a 民生诉求 it writes to): an
 * unknown one is a field error, not a 500.
 *
 * @example const committee = await checkCommittee(database, req.query.committeeId); // { id, name }
 */
export async function checkCommittee(database: Database, committeeId: string): Promise<{ id: string; name: string }> {
  const [c] = await database.db.select({ id: committees.id, name: committees.name }).from(committees).where(eq(committees.id, committeeId));
  if (!c) throw AppError.field('committeeId', '政协', '不存在');
  return c;
}
