import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { assertOwned } from '../org/lookups.js';
import { terms } from '../org/schema.js';
import type { MemberInput } from '../../../shared/members/inputs.js';

/** Every reference on a member form must be a record of the actor's own committee. */
export async function checkMemberReferences(db: Executor, committeeId: string, m: Partial<MemberInput>) {
  if (m.termId) {
    const [t] = await db.select({ id: terms.id }).from(terms).where(and(eq(terms.id, m.termId), eq(terms.committeeId, committeeId)));
    if (!t) throw AppError.field('termId', '届次', '不存在');
  }
  await assertOwned(db, 'parties', [m.partyId], committeeId, 'partyId', '党派');
  await assertOwned(db, 'sectors', [m.sectorId], committeeId, 'sectorId', '界别');
  await assertOwned(db, 'studios', [m.studioId], committeeId, 'studioId', '委员工作室');
  await assertOwned(db, 'street-groups', [m.streetGroupId], committeeId, 'streetGroupId', '街道联络组');
  await assertOwned(db, 'special-committees', m.specialCommitteeIds ?? [], committeeId, 'specialCommitteeIds', '专委会');
}

/** The unique index on codes, as the error that names the field. */
export const uniqueCode = { members_committee_code_uq: { field: 'code', label: '委员编号' } };
