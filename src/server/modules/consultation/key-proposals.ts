import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/policy/policy.js';
import { labelOf } from '../../../shared/labels.js';
import { keyStates } from '../../../shared/proposals/key.js';
import { proposals } from '../proposals/schema.js';
import { keyProposals } from '../proposals/key/schema.js';
import { consultationPolicy, type ConsultationSubject } from './policy.js';
import { consultationKeyProposals } from './schema.js';
import { discussableKeyStates } from './commands/key-proposals.js';

const keyRow = { id: keyProposals.id, proposalId: keyProposals.proposalId, status: keyProposals.status, title: proposals.title, numberText: proposals.numberText };
const presentKey = (k: { id: string; proposalId: string; status: string; title: string; numberText: string | null }) => ({
  id: k.id, proposalId: k.proposalId, title: k.title, numberText: k.numberText, statusLabel: labelOf(keyStates, k.status), link: `/proposals/${k.proposalId}`,
});

/**
 * 提案办理协商's key proposals as its page shows them: those it discusses, linked to their proposal;
 * to the office that picks them, the key proposals of the committee and year it may pick from.
 * Other forms discuss none.
 */
export async function keyProposalsOf(db: Executor, actor: Actor, c: ConsultationSubject) {
  if (c.form !== 'proposalHandling') return { keyProposals: [], keyProposalOptions: [] };
  const linked = await db
    .select(keyRow)
    .from(consultationKeyProposals)
    .innerJoin(keyProposals, eq(keyProposals.id, consultationKeyProposals.keyProposalId))
    .innerJoin(proposals, eq(proposals.id, keyProposals.proposalId))
    .where(eq(consultationKeyProposals.consultationId, c.id))
    .orderBy(asc(proposals.numberText), asc(proposals.title));
  const options = can(consultationPolicy, 'keyProposals', actor, c)
    ? await db
        .select(keyRow)
        .from(keyProposals)
        .innerJoin(proposals, eq(proposals.id, keyProposals.proposalId))
        .where(and(eq(keyProposals.committeeId, c.committeeId), eq(keyProposals.year, c.year), inArray(keyProposals.status, discussableKeyStates)))
        .orderBy(asc(proposals.numberText), asc(proposals.title))
    : [];
  return { keyProposals: linked.map(presentKey), keyProposalOptions: options.map(presentKey) };
}
