import { defineModule } from '../../platform/modules/manifest.js';
import { namedAuditSubject } from '../../platform/audit/names.js';
import { closeUnratedProposals, remindRatings } from './commands/rating-deadline.js';
import { proposalCards } from './cards.js';
import { proposalDocumentRoutes } from './documents/routes.js';
import { draftingSettings } from './drafting/settings.js';
import { importProposalsCommand } from './import/cli.js';
import { proposalPort } from './port.js';
import { proposalRoutes } from './routes.js';
import { proposals } from './schema.js';
import { proposalSettings } from './settings.js';
import { similarRoutes } from './similar/routes.js';
import { proposalStatsRoutes } from './stats/routes.js';
import { proposalSummary } from './summary.js';
import { proposalCockpit } from './cockpit.js';
import { keyProposalRoutes } from './key/routes.js';
import { excellentProposalsSection } from './key/portal.js';
import { proposalTopicRoutes } from './topics/routes.js';
import { proposalTopicsSection } from './topics/portal.js';
import { proposalTopics } from './topics/schema.js';

/** 提案: drafting, review, handling by units (through the handling primitive), rating, statistics and documents. */
export const proposalsModule = defineModule({
  name: 'proposals',
  label: '提案',
  routes: [similarRoutes, proposalStatsRoutes, keyProposalRoutes, proposalTopicRoutes, proposalRoutes, proposalDocumentRoutes],
  ports: [proposalPort],
  cards: [proposalCards],
  settings: [proposalSettings, draftingSettings],
  cli: { 'import-proposals': importProposalsCommand },
  jobs: () => [
    { name: 'proposals.remind-ratings', everySeconds: 3600, run: (db, now) => remindRatings(db, now) },
    { name: 'proposals.close-unrated', everySeconds: 3600, run: (db, now) => closeUnratedProposals(db, now) },
  ],
  auditSubjects: {
    proposal: namedAuditSubject(proposals, [proposals.numberText, proposals.title], ([number, title]) => [number, `《${title}》`].filter(Boolean).join(' ')),
    proposalTopic: namedAuditSubject(proposalTopics, [proposalTopics.title], ([title]) => `参考选题《${title}》`),
  },
  summary: proposalSummary,
  cockpit: proposalCockpit,
  // 提案参考选题 and 优秀提案 published on the portal
  portal: [proposalTopicsSection, excellentProposalsSection],
});
