import { and, eq } from 'drizzle-orm';
import { audit } from '../../../platform/audit/audit.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import { loadLookups } from '../../org/lookups.js';
import { terms } from '../../org/schema.js';
import type { MemberInput } from '../../../../shared/members/inputs.js';
import { rosterPolicy } from '../policy.js';
import { parseRoster } from '../roster.js';
import { members } from '../schema.js';

/**
 * Imports a roster: every row is checked first; if any row is wrong nothing is written and the
 * person gets every problem with its row number. Otherwise all rows are written in one
 * transaction — new codes create members, existing codes update them — each with its audit row.
 */
export async function importRoster(ctx: CommandContext, { file }: { file: Buffer }): Promise<{ created: number; updated: number }> {
  const { database, actor } = ctx;
  authorize(rosterPolicy, 'import', actor, committeeSubject(actor));
  const lookups = await loadLookups(database.db, actor.committeeId);
  const [current] = await database.db.select({ id: terms.id }).from(terms).where(and(eq(terms.committeeId, actor.committeeId), eq(terms.current, true)));
  return writeRoster(ctx, await parseRoster(file, lookups, current?.id));
}

async function writeRoster({ database, actor }: CommandContext, rows: MemberInput[]) {
  return inTransaction(database, async ({ tx }) => {
    let created = 0;
    let updated = 0;
    for (const input of rows) {
      const [existing] = await tx.select().from(members).where(and(eq(members.committeeId, actor.committeeId), eq(members.code, input.code)));
      if (existing) {
        const [row] = await tx.update(members).set({ ...input, version: existing.version + 1, updatedAt: new Date() }).where(eq(members.id, existing.id)).returning();
        await audit(tx, actor, { action: 'member.import_update', subjectType: 'member', subjectId: row.id, before: existing, after: row });
        updated++;
      } else {
        const [row] = await tx.insert(members).values({ ...input, committeeId: actor.committeeId }).returning();
        await audit(tx, actor, { action: 'member.import_create', subjectType: 'member', subjectId: row.id, after: row });
        created++;
      }
    }
    return { created, updated };
  });
}
