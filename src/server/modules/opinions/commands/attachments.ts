import { attachmentCommands } from '../../../platform/attachments/commands.js';
import { loadOpinion, withParties } from '../load.js';
import { opinionPolicy } from '../policy.js';
import { opinions } from '../schema.js';

/** Files on a draft report (photos, a survey, a letter from the people concerned): at most five, 10 MB each. */
export const opinionFiles = attachmentCommands({
  type: 'opinion',
  label: '每篇信息',
  table: opinions,
  load: loadOpinion,
  subjectOf: async (tx, row: typeof opinions.$inferSelect) => (await withParties(tx, [row]))[0],
  policy: opinionPolicy,
});
