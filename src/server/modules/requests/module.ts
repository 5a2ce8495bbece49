import { defineModule } from '../../platform/modules/manifest.js';
import { publishedRequestsSection } from './portal.js';
import { namedAuditSubject } from '../../platform/audit/names.js';
import { requestRoutes } from './routes.js';
import { livelihoodRequests } from './schema.js';
import { requestSettings } from './settings.js';
import { readableRequestIds } from './load.js';
import { requestCards } from './cards.js';
import { requestSummary } from './summary.js';

/** 民生诉求: what the public sends through the portal, routed to studios and members, followed by receipt code. */
export const requestsModule = defineModule({
  name: 'requests',
  label: '民生诉求',
  routes: [requestRoutes],
  settings: [requestSettings],
  cards: [requestCards],
  auditSubjects: {
    livelihoodRequest: namedAuditSubject(livelihoodRequests, [livelihoodRequests.category, livelihoodRequests.place], ([category, place]) => `民生诉求（${category}·${place}）`),
  },
  ledgerSources: { livelihoodRequest: readableRequestIds },
  summary: requestSummary,
  portal: publishedRequestsSection,
});
