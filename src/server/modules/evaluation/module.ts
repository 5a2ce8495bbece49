import { defineModule } from '../../platform/modules/manifest.js';
import { evaluationResultsSection } from './portal.js';
import { namedAuditSubject } from '../../platform/audit/names.js';
import { evaluationCards } from './cards.js';
import { evaluationCockpit } from './cockpit.js';
import { findingPort } from './port.js';
import { evaluationRoutes } from './routes.js';
import { evaluationCampaigns, evaluationFindings } from './schema.js';
import { evaluationSettings } from './settings.js';
import { readableCampaignIds } from './load.js';

/** 民主评议: campaigns of departments proposed and approved, a secret questionnaire, results, rectification. */
export const evaluationModule = defineModule({
  name: 'evaluation',
  label: '民主评议',
  routes: [evaluationRoutes],
  ports: [findingPort],
  settings: [evaluationSettings],
  cards: [evaluationCards],
  auditSubjects: {
    evaluationCampaign: namedAuditSubject(evaluationCampaigns, [evaluationCampaigns.title], ([title]) => `民主评议《${title}》`),
    evaluationFinding: namedAuditSubject(evaluationFindings, [evaluationFindings.text], ([text]) => `整改事项“${[...String(text)].slice(0, 20).join('')}”`),
  },
  ledgerSources: { evaluationCampaign: readableCampaignIds },
  portal: evaluationResultsSection,
  cockpit: evaluationCockpit,
});
