import { authModule } from '../platform/auth/module.js';
import { calendarModule } from '../platform/calendar/module.js';
import { notificationsModule } from '../platform/notifications/module.js';
import { settingsModule } from '../platform/settings/module.js';
import { auditModule } from '../platform/audit/module.js';
import { handlingModule } from '../platform/handling/module.js';
import { activityModule } from '../platform/activity/module.js';
import { outboxModule } from '../platform/jobs/module.js';
import { moduleRegistry } from '../platform/modules/registry.js';
import { demoModule } from '../demo/module.js';
import { orgModule } from './org/module.js';
import { membersModule } from './members/module.js';
import { usersModule } from './users/module.js';
import { statsModule } from './stats/module.js';
import { proposalsModule } from './proposals/module.js';
import { opinionsModule } from './opinions/module.js';
import { supervisionModule } from './supervision/module.js';
import { meetingsModule } from './meetings/module.js';
import { performanceModule } from './performance/module.js';
import { outreachModule } from './outreach/module.js';
import { portalModule } from './portal/module.js';
import { consultationModule } from './consultation/module.js';
import { summaryModule } from './summary/module.js';
import { cockpitModule } from './cockpit/module.js';
import { evaluationModule } from './evaluation/module.js';
import { requestsModule } from './requests/module.js';
import { membersHomeModule } from './members-home/module.js';
import { researchModule } from './research/module.js';
import { newsModule } from './news/module.js';
import { jointModule } from './joint/module.js';
import { studiosModule } from './studios/module.js';
import { learningModule } from './learning/module.js';

/**
 * Every module of the application, once. app.ts registers their routes in this order, cli.ts
 * offers their commands, the scheduler runs their jobs, and the settings page, the home page, the
 * audit trail and the handling primitive find their parts here. A new module adds one line.
 */
export const modules = [
  authModule,
  calendarModule,
  notificationsModule,
  orgModule,
  membersModule,
  usersModule,
  statsModule,
  settingsModule,
  auditModule,
  proposalsModule,
  opinionsModule,
  supervisionModule,
  handlingModule,
  activityModule,
  meetingsModule,
  performanceModule,
  outreachModule,
  consultationModule,
  evaluationModule,
  requestsModule,
  studiosModule,
  membersHomeModule,
  summaryModule,
  cockpitModule,
  researchModule,
  newsModule,
  jointModule,
  learningModule,
  portalModule,
  outboxModule,
  demoModule,
];

/** The list's parts, gathered and checked (no two modules may claim one name). */
export const registry = moduleRegistry(modules);
