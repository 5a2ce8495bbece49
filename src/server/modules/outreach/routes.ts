import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { can, committeeSubject } from '../../platform/policy/policy.js';
import { loadRecord } from '../../platform/records/records.js';
import { completeDeed, createOwned, endPartner, updateOwned, voidOwned } from './commands.js';
import { completeBody, idParams, listQuery, versionBody, voidBody, yearQuery } from '../../../shared/outreach/inputs.js';
import { contactWays } from '../../../shared/outreach/labels.js';
import { outreachPaths as paths } from '../../../shared/outreach/paths.js';
import { pathTo } from '../../../shared/http/paths.js';
import type { Presented } from '../../../shared/http/responses.js';
import { outreachOptions, outreachSummaryAnswer, ownedAnswers } from '../../../shared/outreach/responses.js';
import { ownedKeys, ownedKinds, policyOf, type OwnedKey, type OwnedRow } from './kinds.js';
import { keepsOutreach, ownedCollectionPolicy, readsAll } from './policy.js';
import { presentOwned } from './presenter.js';
import { listOwned, memberNames, outreachSummary } from './queries.js';

const tags = ['outreach'];

/**
 * 联系群众: paired contacts (结对联系对象), the contact log (民情日记), practical deeds (办实事),
 * public-service activities (公益活动); livelihood councils are the consultation module's grassroots councils. Every write earns or
 * voids the ledger entries the performance quotas count, in the same transaction.
 */
export async function outreachRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const { db } = database;
  // read the clock on each request (tests move it)
  const today = () => chinaToday(app.services.now());
  const thisYear = () => Number(today().slice(0, 4));

  const owned = async (actor: ReturnType<typeof actorOf>, key: OwnedKey, row: OwnedRow) =>
    presentOwned(actor, key, row, (await memberNames(db, actor.committeeId, [row.memberId])).get(row.memberId) ?? '');

  r.get(paths.options, { config: { answers: { outreachOptions } }, schema: { tags, summary: '联系群众表单选项' } }, async (req): Promise<Presented<typeof outreachOptions>> => {
    const actor = actorOf(req);
    return {
      ways: Object.entries(contactWays).map(([value, label]) => ({ value, label })),
      statuses: Object.fromEntries(ownedKeys.map((k) => [k, ownedKinds[k].statuses])),
      canRecord: can(ownedCollectionPolicy, 'create', actor, committeeSubject(actor)) && (keepsOutreach(actor) || actor.memberId !== null),
      recordsForOthers: keepsOutreach(actor),
      readsAll: readsAll(actor),
    };
  });

  r.get(paths.summary, { config: { answers: { outreachSummaryAnswer } }, schema: { querystring: yearQuery, tags, summary: '委员联系群众情况汇总' } }, async (req): Promise<Presented<typeof outreachSummaryAnswer>> => {
    const year = req.query.year ?? thisYear();
    return { year, items: await outreachSummary(db, actorOf(req), year) };
  });


  // 办结 a deed, 解除 a pairing
  r.post(paths.deedComplete, { config: { answers: ownedAnswers.deeds.one }, schema: { params: idParams, body: completeBody, tags, summary: '办实事办结' } }, async (req) => {
    const actor = actorOf(req);
    return owned(actor, 'deeds', await completeDeed(contextOf(req), { id: req.params.id, ...req.body }));
  });
  r.post(paths.partnerEnd, { config: { answers: ownedAnswers.partners.one }, schema: { params: idParams, body: versionBody, tags, summary: '解除结对' } }, async (req) => {
    const actor = actorOf(req);
    return owned(actor, 'partners', await endPartner(contextOf(req), { id: req.params.id, version: req.body.version }));
  });

  for (const key of ownedKeys) {
    const kind = ownedKinds[key];
    const base = pathTo(paths.owned, { kind: key });
    const { one, list } = ownedAnswers[key];
    r.get(base, { config: { answers: list }, schema: { querystring: listQuery, tags, summary: `${kind.label}列表` } }, async (req) => {
      const actor = actorOf(req);
      return { items: (await listOwned(db, actor, key, req.query)).map((x) => presentOwned(actor, key, x.row, x.memberName)) };
    });
    r.post(base, { config: { answers: one }, schema: { body: kind.input as z.ZodType, tags, summary: `新增${kind.label}` } }, async (req) => {
      const actor = actorOf(req);
      return owned(actor, key, await createOwned(contextOf(req), key, req.body as Record<string, unknown>));
    });
    r.get(`${base}/:id`, { config: { answers: one }, schema: { params: idParams, tags, summary: `${kind.label}详情` } }, async (req) => {
      const actor = actorOf(req);
      return owned(actor, key, await loadRecord<OwnedRow>(db, kind.table, req.params.id, actor, policyOf(key)));
    });
    r.patch(`${base}/:id`, { config: { answers: one }, schema: { params: idParams, body: kind.patch as z.ZodType, tags, summary: `修改${kind.label}` } }, async (req) => {
      const actor = actorOf(req);
      return owned(actor, key, await updateOwned(contextOf(req), key, { ...(req.body as { version: number } & Record<string, unknown>), id: req.params.id }));
    });
    r.post(`${base}/:id/void`, { config: { answers: one }, schema: { params: idParams, body: voidBody, tags, summary: `作废${kind.label}` } }, async (req) => {
      const actor = actorOf(req);
      return owned(actor, key, await voidOwned(contextOf(req), key, { id: req.params.id, ...req.body }));
    });
  }
}
