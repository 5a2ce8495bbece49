import type { FastifyInstance } from 'fastify';
import { authRoutes } from './platform/auth/routes.js';
import { calendarRoutes } from './platform/calendar/routes.js';
import { notificationRoutes } from './platform/notifications/routes.js';
import { memberRoutes } from './modules/members/routes.js';
import { orgRoutes } from './modules/org/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { dashboardRoutes } from './modules/stats/dashboard.js';
import { proposalRoutes } from './modules/proposals/routes.js';
import { similarRoutes } from './modules/proposals/similar/routes.js';
import { proposalStatsRoutes } from './modules/proposals/stats/routes.js';
import { handlingRoutes } from './platform/handling/routes.js';
import { settingsRoutes } from './platform/settings/routes.js';
import { auditRoutes } from './platform/audit/routes.js';
import { opinionRoutes } from './modules/opinions/routes.js';
import { meetingRoutes } from './modules/meetings/routes.js';
import { performanceRoutes } from './modules/performance/routes.js';
import { proposalDocumentRoutes } from './modules/proposals/documents/routes.js';
import { portalRoutes } from './modules/portal/routes.js';
import { outreachRoutes } from './modules/outreach/routes.js';

/** Every module's routes, registered once. A new module adds one line here. */
export async function moduleRoutes(app: FastifyInstance) {
  for (const routes of [authRoutes, calendarRoutes, notificationRoutes, orgRoutes, memberRoutes, userRoutes, dashboardRoutes, settingsRoutes, auditRoutes, similarRoutes, proposalStatsRoutes, proposalRoutes, proposalDocumentRoutes, opinionRoutes, handlingRoutes, meetingRoutes, performanceRoutes, outreachRoutes, portalRoutes]) {
    await app.register(routes);
  }
}
