import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, contextOf } from '../../../platform/http/context.js';
import { chinaToday } from '../../../platform/calendar/workdays.js';
import { contactPointIdParams, contactPointInput, contactPointList, contactPointView, contactPointPatch, contactPointPaths as paths, contactPointQuery } from '../../../../shared/opinions/contact-points.js';
import { contactPointCounts, listContactPoints, presentContactPoint } from './queries.js';
import { createContactPoint, loadContactPoint, updateContactPoint } from './commands.js';
import type { ContactPoint } from './policy.js';
import { can, committeeSubject } from '../../../platform/policy/policy.js';
import { opinionCollectionPolicy } from '../policy.js';

const tags = ['opinions'];

/** 社情民意联系点: the information office keeps them; members name the one a report came through. */
export async function contactPointRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const { db } = database;
  const thisYear = () => Number(chinaToday(app.services.now()).slice(0, 4));
  // the year's figures only for who reads the statistics, as on the list
  const present = async (req: Parameters<typeof actorOf>[0], p: ContactPoint) => {
    const actor = actorOf(req);
    const stats = can(opinionCollectionPolicy, 'stats', actor, committeeSubject(actor));
    return presentContactPoint(actor, p, stats ? (await contactPointCounts(db, actor.committeeId, thisYear())).get(p.id) : undefined);
  };

  r.get(paths.list, { config: { answers: { contactPointList } }, schema: { querystring: contactPointQuery, tags, summary: '社情民意联系点（信息科：含联络员电话和本年度信息统计）' } }, async (req) =>
    listContactPoints(db, actorOf(req), req.query.year ?? thisYear()));
  r.post(paths.list, { config: { answers: { contactPointView } }, schema: { body: contactPointInput, tags, summary: '设立社情民意联系点' } }, async (req) => present(req, await createContactPoint(contextOf(req), req.body)));
  r.get(paths.point, { config: { answers: { contactPointView } }, schema: { params: contactPointIdParams, tags, summary: '社情民意联系点详情' } }, async (req) => present(req, await loadContactPoint(db, actorOf(req), req.params.id)));
  r.patch(paths.point, { config: { answers: { contactPointView } }, schema: { params: contactPointIdParams, body: contactPointPatch, tags, summary: '修改或停用社情民意联系点' } }, async (req) =>
    present(req, await updateContactPoint(contextOf(req), { id: req.params.id, ...req.body })));
}
