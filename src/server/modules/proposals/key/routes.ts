import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, arrayContains, asc, eq } from 'drizzle-orm';
import { actorOf, contextOf } from '../../../platform/http/context.js';
import { parseInput } from '../../../platform/http/validation.js';
import { authorize, can, committeeSubject } from '../../../platform/policy/policy.js';
import { chinaToday } from '../../../platform/calendar/workdays.js';
import { users } from '../../../platform/auth/schema.js';
import { loadActivity } from '../../../platform/activity/load.js';
import { excellentActionBody, excellentActionParams, keyActionBodies, keyActionParams, keyIdParams, excellentList, keyOfActivity, keyOfProposal, keyOptions, keyPaths as paths, keyProposalList, nominateBody, shortlistBody, yearQuery } from '../../../../shared/proposals/key.js';
import { loadLookups } from '../../org/lookups.js';
import { loadProposal } from '../load.js';
import { sessionFor } from '../sessions.js';
import { excellentNominations, keyProposalSchedules, keyProposals } from './schema.js';
import { keyCollectionPolicy } from './policy.js';
import { excellentAction, keyAction, nominateExcellent, shortlistKey } from './commands.js';
import { listKeys, listNominations, presentKeys, presentNominations } from './presenter.js';
import { isProposalOffice } from './workflow.js';

const tags = ['proposals'];

/** 重点提案督办 and 优秀提案: thin routes over the commands in ./commands.ts. */
export async function keyProposalRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, now } = app.services;
  const { db } = database;
  const today = () => chinaToday(now());
  // a year's key proposals and excellent round are the current plenary session's (its proposals' year)
  const yearOf = async (committeeId: string, y?: number) => y ?? (await sessionFor(db, committeeId, today()))?.year ?? Number(today().slice(0, 4));

  /** The key proposal and nomination of one proposal, with what this person may start on it. */
  const ofProposal = async (req: FastifyRequest, proposalId: string) => {
    const actor = actorOf(req);
    const p = await loadProposal(db, actor, proposalId);
    const [k] = await db.select().from(keyProposals).where(eq(keyProposals.proposalId, p.id));
    const [n] = await db.select().from(excellentNominations).where(eq(excellentNominations.proposalId, p.id));
    const subject = committeeSubject(actor);
    const filed = ['filed', 'handling', 'replied', 'rehandling', 'closed'].includes(p.status) && !p.historical;
    return {
      key: k ? (await presentKeys(db, actor, [k], today()))[0] ?? null : null,
      excellent: n ? (await presentNominations(db, actor, [n]))[0] ?? null : null,
      mayShortlist: !k && filed && can(keyCollectionPolicy, 'shortlist', actor, subject),
      mayNominate: !n && filed && can(keyCollectionPolicy, 'nominate', actor, subject),
    };
  };

  r.get(paths.list, { config: { answers: { keyProposalList } }, schema: { querystring: yearQuery, tags, summary: '重点提案（提案委：全部；领导：我领衔督办的）' } }, async (req) => {
    const actor = actorOf(req);
    authorize(keyCollectionPolicy, 'list', actor, committeeSubject(actor));
    const year = await yearOf(actor.committeeId, req.query.year);
    return { year, items: await presentKeys(db, actor, await listKeys(db, actor, year), today()) };
  });

  r.get(paths.options, { config: { answers: { keyOptions } }, schema: { tags, summary: '重点提案与优秀提案的选项（领导、专委会）' } }, async (req) => {
    const actor = actorOf(req);
    authorize(keyCollectionPolicy, 'shortlist', actor, committeeSubject(actor));
    const leaders = await db.select({ id: users.id, displayName: users.displayName }).from(users)
      .where(and(eq(users.committeeId, actor.committeeId), eq(users.active, true), arrayContains(users.roles, ['leader']))).orderBy(asc(users.displayName));
    const lookups = await loadLookups(db, actor.committeeId);
    return { leaders, specialCommittees: [...lookups['special-committees'].byId].map(([id, name]) => ({ id, name })) };
  });

  r.post(paths.list, { config: { answers: { keyOfProposal } }, schema: { body: shortlistBody, tags, summary: '列为拟重点提案' } }, async (req) => {
    await shortlistKey(contextOf(req), req.body);
    return ofProposal(req, req.body.proposalId);
  });

  r.post(paths.action, { config: { answers: { keyOfProposal } }, schema: { params: keyActionParams, tags, summary: '主席会议确定、阅批、调度、阅签' } }, async (req) => {
    const { id, action } = req.params;
    const k = await keyAction(contextOf(req), { id, action, input: parseInput(keyActionBodies[action], req.body) as any });
    return ofProposal(req, k.proposalId);
  });

  r.get(paths.ofProposal, { config: { answers: { keyOfProposal } }, schema: { params: keyIdParams, tags, summary: '一件提案的重点督办与优秀提案情况' } }, async (req) => ofProposal(req, req.params.id));

  r.get(paths.ofActivity, { config: { answers: { keyOfActivity } }, schema: { params: keyIdParams, tags, summary: '调度活动所属的重点提案' } }, async (req) => {
    const actor = actorOf(req);
    // an event the caller may not read is not found, as a made-up one is
    await loadActivity(db, actor, req.params.id);
    const [s] = await db.select().from(keyProposalSchedules).where(and(eq(keyProposalSchedules.activityId, req.params.id), eq(keyProposalSchedules.committeeId, actor.committeeId)));
    if (!s) return { proposal: null };
    try {
      const p = await loadProposal(db, actor, s.proposalId);
      return { proposal: { id: p.id, title: p.title, numberText: p.numberText } };
    } catch {
      // a meeting's invitee who may not read the proposal sees no link
      return { proposal: null };
    }
  });

  r.get(paths.excellent, { config: { answers: { excellentList } }, schema: { querystring: yearQuery, tags, summary: '优秀提案评选' } }, async (req) => {
    const actor = actorOf(req);
    authorize(keyCollectionPolicy, 'excellent', actor, committeeSubject(actor));
    const year = await yearOf(actor.committeeId, req.query.year);
    return { year, items: await presentNominations(db, actor, await listNominations(db, actor, year)), mayManage: isProposalOffice(actor) };
  });

  r.post(paths.excellent, { config: { answers: { keyOfProposal } }, schema: { body: nominateBody, tags, summary: '推荐优秀提案' } }, async (req) => {
    await nominateExcellent(contextOf(req), req.body);
    return ofProposal(req, req.body.proposalId);
  });

  r.post(paths.excellentAction, { config: { answers: { keyOfProposal } }, schema: { params: excellentActionParams, body: excellentActionBody, tags, summary: '优秀提案初审、评定、公布、不予评定' } }, async (req) => {
    const n = await excellentAction(contextOf(req), { id: req.params.id, action: req.params.action, input: req.body });
    return ofProposal(req, n.proposalId);
  });
}
