import { defineModule } from '../modules/manifest.js';
import { namedAuditSubject } from '../audit/names.js';
import { activities } from './schema.js';
import { activitySettings } from './settings.js';

const byTitle = namedAuditSubject(activities, [activities.title], ([title]) => String(title));

/** 会议活动 (the primitive): leave and attendance rules, and how the audit trail names an activity. */
export const activityModule = defineModule({
  name: 'activity',
  label: '会议活动',
  settings: [activitySettings],
  auditSubjects: { activity: byTitle, meeting: byTitle },
});
