import { attachmentCommands } from '../../../platform/attachments/commands.js';
import { loadProposal, withParties } from '../load.js';
import { proposalPolicy } from '../policy.js';
import { proposals } from '../schema.js';

/** Supporting material (a survey, photos, data) on a draft or a proposal returned for revision: at most five, 10 MB each. */
export const proposalFiles = attachmentCommands({
  type: 'proposal',
  label: '每件提案',
  table: proposals,
  load: loadProposal,
  subjectOf: async (tx, row: typeof proposals.$inferSelect) => (await withParties(tx, [row]))[0],
  policy: proposalPolicy,
});
