import { defineModule } from '../../platform/modules/manifest.js';
import { namedAuditSubject } from '../../platform/audit/names.js';
import { researchRoutes } from './routes.js';
import { researchItems, researchTopics } from './schema.js';
import { researchSettings } from './settings.js';
import { researchItemPort } from './port.js';
import { readableTopicIds } from './load.js';
import { researchCards } from './cards.js';
import { researchCockpit } from './cockpit.js';
import { researchSummary } from './summary.js';

/** 调研视察: topics with volunteer groups, field visits, the report through review, its conversion and follow-up. */
export const researchModule = defineModule({
  name: 'research',
  label: '调研视察',
  routes: [researchRoutes],
  ports: [researchItemPort],
  settings: [researchSettings],
  cards: [researchCards],
  auditSubjects: {
    researchTopic: namedAuditSubject(researchTopics, [researchTopics.title], ([title]) => `调研课题《${title}》`),
    researchReport: namedAuditSubject(researchTopics, [researchTopics.title], ([title]) => `调研报告（${title}）`),
    researchItem: namedAuditSubject(researchItems, [researchItems.text], ([text]) => `调研建议“${[...String(text)].slice(0, 20).join('')}”`),
  },
  ledgerSources: { researchTopic: readableTopicIds },
  summary: researchSummary,
  cockpit: researchCockpit,
});
