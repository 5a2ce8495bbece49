import { defineModule } from '../../platform/modules/manifest.js';
import { namedAuditSubject } from '../../platform/audit/names.js';
import { plenarySpeeches } from './schema.js';
import { meetingCards } from './cards.js';
import { decidesLeave } from './leave-approvers.js';
import { meetingRoutes } from './routes.js';
import { meetingSummary } from './summary.js';
import { meetingCockpit } from './cockpit.js';

/** 会议活动: meetings and activities on the activity primitive, leave approval, speeches. */
export const meetingsModule = defineModule({
  name: 'meetings',
  label: '会议活动',
  routes: [meetingRoutes],
  cards: [meetingCards],
  auditSubjects: { plenarySpeech: namedAuditSubject(plenarySpeeches, [plenarySpeeches.title], ([title]) => `大会发言《${title}》`) },
  capabilities: { 'meetings.decideLeave': decidesLeave },
  summary: meetingSummary,
  cockpit: meetingCockpit,
});
