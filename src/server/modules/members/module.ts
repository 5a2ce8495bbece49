import { defineModule } from '../../platform/modules/manifest.js';
import { namedAuditSubject } from '../../platform/audit/names.js';
import { memberRoutes } from './routes.js';
import { members } from './schema.js';

/** 委员管理: the roster, positions, roster import and export. */
export const membersModule = defineModule({
  name: 'members',
  label: '委员管理',
  routes: [memberRoutes],
  auditSubjects: { member: namedAuditSubject(members, [members.name, members.code], ([name, code]) => `${name}（${code}）`) },
});
