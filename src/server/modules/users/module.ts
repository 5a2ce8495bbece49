import { defineModule } from '../../platform/modules/manifest.js';
import { namedAuditSubject } from '../../platform/audit/names.js';
import { users } from '../../platform/auth/schema.js';
import { userRoutes } from './routes.js';
import { officerCommand } from './officers.js';

/** 用户与角色: accounts, roles and the 三员 separation. */
export const usersModule = defineModule({
  name: 'users',
  label: '用户与角色',
  routes: [userRoutes],
  cli: { officer: officerCommand },
  auditSubjects: { user: namedAuditSubject(users, [users.displayName, users.username], ([name, username]) => `${name}（${username}）`) },
});
