import type { CommandContext } from '../../../platform/commands/context.js';
import { AppError } from '../../../platform/errors.js';
import { authorize } from '../../../platform/policy/policy.js';
import { updateRecord } from '../../../platform/records/records.js';
import { loadProposal, proposalSubjectOf } from '../load.js';
import { proposalPolicy, type ProposalSubject } from '../policy.js';
import { proposals } from '../schema.js';
import type { Proposal } from '../workflow.js';

/**
 * 公开: staff publish a replied proposal on the portal when the proposer consented and every reply may be
 * disclosed (`disclosable`), dated by the app's clock: `publishProposal(ctx, { id, version, publish: true, disclosable })`.
 */
export async function publishProposal({ database, actor, now }: CommandContext, { id, version, publish, disclosable }: { id: string; version: number; publish: boolean; disclosable: boolean }) {
  const current = await loadProposal(database.db, actor, id);
  authorize(proposalPolicy, 'publish', actor, current);
  if (publish && !current.proposerConsent) throw AppError.invalidState('提案人未同意公开');
  if (publish && !disclosable) throw AppError.invalidState('有答复标注为不公开，不能在门户公开');
  return updateRecord<Proposal, ProposalSubject>(database, { table: proposals, policy: proposalPolicy, subjectOf: proposalSubjectOf, actor, id, version, action: 'publish', changes: { publishedAt: publish ? now : null } });
}
