import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { parseInput } from '../../platform/http/validation.js';
import { authorize, can, committeeSubject } from '../../platform/policy/policy.js';
import { checkCommittee } from '../../platform/tenancy/committee.js';
import {
  councilActionBodies, councilActionParams, councilCreate, councilItemInput, councilItemParams, councilItemPatch, councilListQuery, councilParams, councilParticipantInput, councilParticipantParams,
  councilParticipantRemove, councilPatch, portalCouncilsQuery,
} from '../../../shared/consultation/council-inputs.js';
import { councilPublicStates } from '../../../shared/consultation/council-labels.js';
import { consultationPaths as paths } from '../../../shared/consultation/paths.js';
import * as answer from '../../../shared/consultation/council-responses.js';
import { addItem, addParticipant, createCouncil, decideCouncil, editCouncil, removeParticipant, updateItem } from './commands/councils.js';
import { loadCouncil, subjectsOf } from './council-load.js';
import { councilCollectionPolicy, councilPolicy } from './council-policy.js';
import { presentCouncil, presentCouncils, presentPortalCouncil } from './council-presenter.js';
import { consultationCouncilParticipants, consultationCouncils } from './schema.js';

const tags = ['consultation'];
const open = (max: number) => ({ public: true, rateLimit: { max, timeWindow: '1 minute' } });

/** 基层协商 (民生议事会): the general office takes a council through 五方六步; members read theirs; the portal shows published results. */
export async function councilRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const { db } = database;
  const detail = async (req: FastifyRequest, id: string) => {
    const actor = actorOf(req);
    return presentCouncil(db, actor, await loadCouncil(db, actor, id));
  };

  r.get(paths.councils, { config: { answers: { councilList: answer.councilList } }, schema: { querystring: councilListQuery, tags, summary: '基层协商议事会列表（委员看本人参加的）' } }, async (req) => {
    const actor = actorOf(req);
    authorize(councilCollectionPolicy, 'read', actor, committeeSubject(actor));
    const where: SQL[] = [eq(consultationCouncils.committeeId, actor.committeeId)];
    if (req.query.year) where.push(eq(consultationCouncils.year, req.query.year));
    if (req.query.status) where.push(eq(consultationCouncils.status, req.query.status));
    // a member lists the councils they sit at; the policy below says the same of each
    if (!actor.roles.some((x) => x === 'staff' || x === 'admin' || x === 'leader')) {
      const mine = db.select({ id: consultationCouncilParticipants.councilId }).from(consultationCouncilParticipants).where(eq(consultationCouncilParticipants.memberId, actor.memberId ?? sql`null`));
      where.push(inArray(consultationCouncils.id, mine));
    }
    const rows = await db.select().from(consultationCouncils).where(and(...where)).orderBy(desc(consultationCouncils.createdAt)).limit(500);
    const councils = (await subjectsOf(db, rows)).filter((c) => can(councilPolicy, 'read', actor, c));
    return { items: await presentCouncils(db, actor, councils), actions: can(councilCollectionPolicy, 'create', actor, committeeSubject(actor)) ? ['create'] : [] };
  });
  r.post(paths.councils, { config: { answers: { councilDetail: answer.councilDetail } }, schema: { body: councilCreate, tags, summary: '发起基层协商（收集民意）' } }, async (req) => detail(req, (await createCouncil(contextOf(req), req.body)).id));
  r.get(paths.council, { config: { answers: { councilDetail: answer.councilDetail } }, schema: { params: councilParams, tags, summary: '基层协商议事会（六步、五方、议定事项）' } }, async (req) => detail(req, req.params.id));
  r.patch(paths.council, { config: { answers: { councilDetail: answer.councilDetail } }, schema: { params: councilParams, body: councilPatch, tags, summary: '修改议事会记录' } }, async (req) => {
    await editCouncil(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
  r.post(paths.councilAction, { config: { answers: { councilDetail: answer.councilDetail } }, schema: { params: councilActionParams, tags, summary: '确定议题、议前调研、协商议事、公示公开、跟踪落实、落实完毕、作废' } }, async (req) => {
    const { id, action } = req.params;
    await decideCouncil(contextOf(req), { id, action, body: parseInput(councilActionBodies[action], req.body) as any });
    return detail(req, id);
  });
  r.post(paths.councilParticipants, { config: { answers: { councilDetail: answer.councilDetail } }, schema: { params: councilParams, body: councilParticipantInput, tags, summary: '添加参加人员（五方）' } }, async (req) => {
    await addParticipant(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
  r.post(paths.councilParticipantRemove, { config: { answers: { councilDetail: answer.councilDetail } }, schema: { params: councilParticipantParams, body: councilParticipantRemove, tags, summary: '移除参加人员' } }, async (req) => {
    await removeParticipant(contextOf(req), { ...req.params, ...req.body });
    return detail(req, req.params.id);
  });
  r.post(paths.councilItems, { config: { answers: { councilDetail: answer.councilDetail } }, schema: { params: councilParams, body: councilItemInput, tags, summary: '记录议定事项' } }, async (req) => {
    await addItem(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
  r.patch(paths.councilItem, { config: { answers: { councilDetail: answer.councilDetail } }, schema: { params: councilItemParams, body: councilItemPatch, tags, summary: '跟踪落实议定事项' } }, async (req) => {
    await updateItem(contextOf(req), { ...req.params, ...req.body });
    return detail(req, req.params.id);
  });

  // ── the public: a council is on the portal from 公示公开 on ──
  const published = (committeeId: string) => and(eq(consultationCouncils.committeeId, committeeId), inArray(consultationCouncils.status, [...councilPublicStates]));
  r.get(paths.portalCouncils, { config: { ...open(120), answers: { portalCouncils: answer.portalCouncils } }, schema: { querystring: portalCouncilsQuery, tags, summary: '公开门户：基层协商议事成果' } }, async (req) => {
    await checkCommittee(database, req.query.committeeId);
    const rows = await db.select().from(consultationCouncils).where(published(req.query.committeeId)).orderBy(desc(consultationCouncils.publishedOn), desc(consultationCouncils.createdAt)).limit(200);
    return { items: await Promise.all(rows.map((c) => presentPortalCouncil(db, c))) };
  });
  r.get(paths.portalCouncil, { config: { ...open(120), answers: { portalCouncil: answer.portalCouncil } }, schema: { params: councilParams, tags, summary: '公开门户：基层协商议事会的协商结果和落实情况' } }, async (req) => {
    const [row] = await db.select().from(consultationCouncils).where(eq(consultationCouncils.id, req.params.id));
    // a council not published is one that does not exist
    if (!row || !(councilPublicStates as readonly string[]).includes(row.status)) throw AppError.notFound('基层协商议事会');
    return presentPortalCouncil(db, row);
  });
}
