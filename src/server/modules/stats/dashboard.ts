import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/context.js';
import { dashboard, homePaths } from '../../../shared/home/cards.js';

/**
 * The home page's figures: every module's cards (`defineModule({ cards })`) for the asking user, all
 * reckoned on the app's clock (tests move it) so "today" and "overdue" agree with the lists they link to.
 */
export async function dashboardRoutes(app: FastifyInstance) {
  const { database, modules } = app.services;
  app.get(homePaths.dashboard, { config: { answers: { dashboard } }, schema: { tags: ['stats'], summary: '首页数据' } }, async (req) => {
    const actor = actorOf(req);
    // read at request time: a test may move the clock after the app is built
    const at = app.services.now();
    const cards = (await Promise.all(modules.cards.map((source) => source(database.db, actor, at)))).flat();
    return { cards };
  });
}
