import { defineModule } from '../../platform/modules/manifest.js';
import { namedAuditSubject } from '../../platform/audit/names.js';
import { opinionCards } from './cards.js';
import { opinionPort } from './port.js';
import { opinionRoutes } from './routes.js';
import { opinions } from './schema.js';
import { opinionSettings } from './settings.js';
import { readableOpinionIds } from './load.js';
import { opinionSummary } from './summary.js';
import { opinionCockpit } from './cockpit.js';
import { contactPointRoutes } from './contact-points/routes.js';
import { opinionContactPoints, opinionIssues, opinionSends } from './schema.js';
import { and, eq, exists, sql } from 'drizzle-orm';

/** 社情民意: members' reports, the information office's edits, issues, sending up and adoption. */
export const opinionsModule = defineModule({
  name: 'opinions',
  label: '社情民意',
  routes: [contactPointRoutes, opinionRoutes],
  ports: [opinionPort],
  cards: [opinionCards],
  settings: [opinionSettings],
  auditSubjects: {
    // a report sent up is in the higher committee's trail too (it adopts or declines it there)
    opinion: namedAuditSubject(opinions, [opinions.title], ([title]) => `《${title}》`, {
      reach: (committeeId) => exists(sql`(select 1 from ${opinionSends} where ${and(eq(opinionSends.opinionId, opinions.id), eq(opinionSends.targetCommitteeId, committeeId))})`),
    }),
    opinionIssue: namedAuditSubject(opinionIssues, [opinionIssues.title], ([title]) => `《社情民意》${title}`),
    opinionContactPoint: namedAuditSubject(opinionContactPoints, [opinionContactPoints.name], ([name]) => `联系点“${name}”`),
  },
  ledgerSources: { opinion: readableOpinionIds },
  summary: opinionSummary,
  cockpit: opinionCockpit,
});
