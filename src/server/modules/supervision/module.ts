import { defineModule } from '../../platform/modules/manifest.js';
import { namedAuditSubject } from '../../platform/audit/names.js';
import { suggestionPort } from './port.js';
import { supervisionRoutes } from './routes.js';
import { supervisionGroups, supervisionSuggestions, supervisionTopics, specialSupervisors } from './schema.js';
import { supervisionSettings } from './settings.js';
import { readableGroupIds, readableSuggestionIds } from './load.js';
import { supervisionSummary } from './summary.js';
import { supervisionCockpit } from './cockpit.js';

const suggestionSubject = namedAuditSubject(supervisionSuggestions, [supervisionSuggestions.title], ([title]) => `监督建议《${title}》`);

/** 民主监督: supervision groups fixed to units, topics, suggestions sent to units and followed to the end. */
export const supervisionModule = defineModule({
  name: 'supervision',
  label: '民主监督',
  routes: [supervisionRoutes],
  ports: [suggestionPort],
  settings: [supervisionSettings],
  auditSubjects: {
    supervisionSuggestion: suggestionSubject,
    // the handling primitive writes a suggestion's assignments, replies and ratings under its subject type
    supervision: suggestionSubject,
    supervisionGroup: namedAuditSubject(supervisionGroups, [supervisionGroups.name], ([name]) => `${name}`),
    supervisionTopic: namedAuditSubject(supervisionTopics, [supervisionTopics.title], ([title]) => `监督议题《${title}》`),
    specialSupervisor: namedAuditSubject(specialSupervisors, [specialSupervisors.name], ([name]) => `特约监督员${name}`),
  },
  ledgerSources: { supervisionGroup: readableGroupIds, supervisionSuggestion: readableSuggestionIds },
  summary: supervisionSummary,
  cockpit: supervisionCockpit,
});
