import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { parseInput } from '../../platform/http/validation.js';
import { authorize, committeeSubject } from '../../platform/policy/policy.js';
import { checkCommittee } from '../../platform/tenancy/committee.js';
import { orgPolicy } from '../org/policy.js';
import {
  portalStudiosQuery, profileInput, questionActionBodies, questionActionParams, questionQuery, questionSubmission, studioIdParams,
} from '../../../shared/studios/inputs.js';
import { studioPaths as paths } from '../../../shared/studios/paths.js';
import { publicFormReceived } from '../../../shared/http/responses.js';
import { portalStudio as portalStudioAnswer, portalStudioList, questionList, questionRow, studioList, studioRow } from '../../../shared/studios/responses.js';
import { actOnQuestion } from './commands/act.js';
import { askStudio, openStudio } from './commands/ask.js';
import { saveStudioProfile } from './commands/profile.js';
import { loadQuestion, questionSubjectsOf } from './load.js';
import { questionCollectionPolicy } from './policy.js';
import { presentQuestion, presentStudio } from './presenter.js';
import { openStudios, portalStudio, portalStudios, studioWithProfile } from './public.js';
import { listQuestions, ownStudioId } from './queries.js';
import { isStudioStaff } from './workflow.js';

const tags = ['studios'];
/** Public and unauthenticated: answered to anyone, so limited per address like the portal's other reads. */
const open = (max: number) => ({ public: true, rateLimit: { max, timeWindow: '1 minute' } });

/** 委员工作室: the public pages and question form; the profile staff keep; the questions members answer. */
export async function studioRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const { db } = database;
  const now = () => app.services.now(); // read at each request: a test may move the clock after registration

  // ── the public ──
  r.get(paths.portalList, { config: { ...open(120), answers: { portalStudioList } }, schema: { querystring: portalStudiosQuery, tags, summary: '公开门户：委员工作室列表' } }, async (req) =>
    portalStudios(db, await checkCommittee(database, req.query.committeeId)));
  r.get(paths.portalStudio, { config: { ...open(120), answers: { portalStudio: portalStudioAnswer } }, schema: { params: studioIdParams, tags, summary: '公开门户：委员工作室（成员、活动、工作成效、已公开的咨询答复）' } }, async (req) => {
    const s = await openStudio(db, req.params.id);
    return portalStudio(db, s, await checkCommittee(database, s.committeeId));
  });
  r.post(paths.ask, { config: { ...open(20), answers: { publicFormReceived } }, bodyLimit: 16 * 1024, schema: { params: studioIdParams, body: questionSubmission, tags, summary: '公开门户：向委员工作室线上咨询' } }, async (req) =>
    askStudio(database, req.params.id, req.body, req.ip, now()));

  // ── staff and members ──
  r.get(paths.list, { config: { answers: { studioList } }, schema: { tags, summary: '委员工作室公开信息（工作人员维护；委员看本工作室）' } }, async (req) => {
    const actor = actorOf(req);
    authorize(orgPolicy, 'read', actor, committeeSubject(actor));
    const rows = await openStudios(db, actor.committeeId);
    // staff see every studio; anyone else only the one they serve in (if any)
    const mine = isStudioStaff(actor) ? undefined : await ownStudioId(db, actor);
    return { items: rows.filter((x) => mine === undefined || x.studio.id === mine).map((x) => presentStudio(actor, x)) };
  });
  r.patch(paths.profile, { config: { answers: { studioRow } }, schema: { params: studioIdParams, body: profileInput, tags, summary: '编辑委员工作室公开信息（地点、开放时间、简介）' } }, async (req) => {
    await saveStudioProfile(contextOf(req), { id: req.params.id, ...req.body });
    const actor = actorOf(req);
    // the studio saved (a stopped one too): its profile with the new version
    return presentStudio(actor, (await studioWithProfile(db, actor.committeeId, req.params.id))!);
  });
  r.get(paths.questions, { config: { answers: { questionList } }, schema: { querystring: questionQuery, tags, summary: '线上咨询列表（工作人员全部；委员本工作室）' } }, async (req) => {
    const actor = actorOf(req);
    authorize(questionCollectionPolicy, 'list', actor, committeeSubject(actor));
    const [rows, studioRows] = await Promise.all([listQuestions(db, actor, req.query), openStudios(db, actor.committeeId)]);
    const names = new Map(studioRows.map((x) => [x.studio.id, x.studio.name]));
    return {
      items: (await questionSubjectsOf(db, rows)).map((q) => presentQuestion(actor, q, names.get(q.studioId) ?? '')),
      scopes: ['open', 'answered', 'all'],
    };
  });
  r.post(paths.questionAction, { config: { answers: { questionRow } }, schema: { params: questionActionParams, tags, summary: '答复、公开、取消公开线上咨询' } }, async (req) => {
    const { id, action } = req.params;
    const actor = actorOf(req);
    await actOnQuestion(contextOf(req), { id, action, input: parseInput(questionActionBodies[action], req.body) as any });
    const q = await loadQuestion(db, actor, id);
    const [s] = (await openStudios(db, actor.committeeId)).filter((x) => x.studio.id === q.studioId);
    return presentQuestion(actor, q, s?.studio.name ?? '');
  });
}
