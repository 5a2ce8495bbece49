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
import { opinionContactPoints } from './schema.js';

/** 社情民意: members' reports, the information office's edits, issues, sending up and adoption. */
export const opinionsModule = defineModule({
  name: 'opinions',
  label: '社情民意',
  routes: [contactPointRoutes, opinionRoutes],
  ports: [opinionPort],
  cards: [opinionCards],
  settings: [opinionSettings],
  auditSubjects: {
    opinion: namedAuditSubject(opinions, [opinions.title], ([title]) => `《${title}》`),
    opinionContactPoint: namedAuditSubject(opinionContactPoints, [opinionContactPoints.name], ([name]) => `联系点“${name}”`),
  },
  ledgerSources: { opinion: readableOpinionIds },
  summary: opinionSummary,
  cockpit: opinionCockpit,
});
