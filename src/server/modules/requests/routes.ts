import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { parseInput } from '../../platform/http/validation.js';
import { authorize, committeeSubject } from '../../platform/policy/policy.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { getSettings } from '../../platform/settings/settings.js';
import { storedAttachment } from '../../platform/attachments/files.js';
import { sendAttachment } from '../../platform/attachments/http.js';
import { readPublicForm } from '../../platform/public-forms/multipart.js';
import { members } from '../members/schema.js';
import { studios } from '../org/schema.js';
import { consultationSettings } from '../consultation/settings.js';
import {
  convertInput, followQuery, idParams, photoParams, portalRequestQuery, rateInput, requestActionBodies, requestActionParams, requestQuery, requestSubmission,
} from '../../../shared/requests/inputs.js';
import { requestPaths as paths } from '../../../shared/requests/paths.js';
import { followed, portalRequestOptions, publishedList, receipt, requestConverted, requestDetail, requestList, requestOptions } from '../../../shared/requests/responses.js';
import type { Presented } from '../../../shared/http/responses.js';
import { actOnRequest } from './commands/act.js';
import { convertRequest } from './commands/convert.js';
import { followRequest, handlerNames, publishedRequests, rateRequest } from './commands/follow.js';
import { submitRequest } from './commands/submit.js';
import { checkCommittee } from '../../platform/tenancy/committee.js';
import { loadRequest, requestSubjectsOf } from './load.js';
import { requestCollectionPolicy } from './policy.js';
import { presentRequest, presentRequestRow } from './presenter.js';
import { listRequests } from './queries.js';
import { requestSettings } from './settings.js';
import { isRequestStaff } from './workflow.js';

const tags = ['requests'];
/** Public and unauthenticated: a static per-address ceiling on top of the setting the commands check. */
const open = (max: number) => ({ public: true, rateLimit: { max, timeWindow: '1 minute' } });

/** 民生诉求: the portal's form, follow and rating (no sign-in); staff routing; the member's handling. */
export async function requestRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const now = () => app.services.now(); // read at each request: a test may move the clock after registration
  const { db } = database;
  const year = () => Number(chinaToday(now()).slice(0, 4));

  // ── the public ──
  r.get(paths.portalOptions, { config: { ...open(60), answers: { portalRequestOptions } }, schema: { querystring: portalRequestQuery, tags, summary: '公开门户：民生诉求表单的类别与照片限制' } }, async (req) => {
    await checkCommittee(database, req.query.committeeId);
    const s = await getSettings(db, requestSettings, req.query.committeeId, year());
    const c = await getSettings(db, consultationSettings, req.query.committeeId, year());
    return { categories: s.categories, maxPhotos: s.maxPhotos, photoMaxBytes: s.photoMaxKb * 1024, acceptsTopics: c.publicTopics };
  });
  r.post(paths.submit, { config: { ...open(20), answers: { receipt } }, bodyLimit: 64 * 1024, schema: { tags, summary: '公开门户：提交民生诉求（可附照片，multipart 字段 photos）' } }, async (req) => {
    const { fields, files } = await readPublicForm(req, 3);
    return submitRequest(database, parseInput(requestSubmission, fields), files, req.ip, now());
  });
  r.get(paths.follow, { config: { ...open(30), answers: { followed } }, schema: { querystring: followQuery, tags, summary: '公开门户：凭回执码查询办理进展' } }, async (req) => followRequest(db, req.query.code));
  r.post(paths.rate, { config: { ...open(20), answers: { followed } }, schema: { body: rateInput, tags, summary: '公开门户：评价办理结果' } }, async (req) => rateRequest(database, req.body, now()));
  r.get(paths.published, { config: { ...open(120), answers: { publishedList } }, schema: { querystring: portalRequestQuery, tags, summary: '公开门户：已公开的民生诉求办理结果' } }, async (req) => publishedRequests(db, req.query.committeeId));

  // ── staff and members ──
  const detail = async (req: FastifyRequest, id: string) => {
    const actor = actorOf(req);
    return presentRequest(db, actor, await loadRequest(db, actor, id));
  };
  r.get(paths.options, { config: { answers: { requestOptions } }, schema: { tags, summary: '民生诉求分办选项（类别、委员工作室、委员）' } }, async (req) => {
    const actor = actorOf(req);
    authorize(requestCollectionPolicy, 'route', actor, committeeSubject(actor));
    const s = await getSettings(db, requestSettings, actor.committeeId, year());
    const [studioRows, memberRows] = await Promise.all([
      db.select({ id: studios.id, name: studios.name }).from(studios).where(and(eq(studios.committeeId, actor.committeeId), eq(studios.active, true))).orderBy(asc(studios.sortOrder)),
      db.select({ id: members.id, name: members.name, studioId: members.studioId }).from(members).where(eq(members.committeeId, actor.committeeId)).orderBy(asc(members.name)),
    ]);
    return { categories: s.categories, studios: studioRows, members: memberRows };
  });
  r.get(paths.list, { config: { answers: { requestList } }, schema: { querystring: requestQuery, tags, summary: '民生诉求列表' } }, async (req) => {
    const actor = actorOf(req);
    authorize(requestCollectionPolicy, 'list', actor, committeeSubject(actor));
    const rows = await listRequests(db, actor, req.query);
    const [subjects, handlers] = await Promise.all([requestSubjectsOf(db, rows), handlerNames(db, rows)]);
    return {
      items: subjects.map((x, i) => presentRequestRow(actor, x, handlers[i]!)),
      scopes: isRequestStaff(actor) ? ['open', 'handling', 'closed', 'all'] : ['all'],
    };
  });
  r.get(paths.request, { config: { answers: { requestDetail } }, schema: { params: idParams, tags, summary: '民生诉求详情' } }, async (req) => detail(req, req.params.id));
  r.post(paths.action, { config: { answers: { requestDetail } }, schema: { params: requestActionParams, tags, summary: '分办、接办、记录办理情况、办结、不予办理、公开' } }, async (req) => {
    const { id, action } = req.params;
    await actOnRequest(contextOf(req), { id, action, input: parseInput(requestActionBodies[action], req.body) as any });
    return detail(req, id);
  });
  r.post(paths.convert, { config: { answers: { requestConverted } }, schema: { params: idParams, body: convertInput, tags, summary: '转为提案草稿或社情民意信息' } }, async (req): Promise<Presented<typeof requestConverted>> => {
    const converted = await convertRequest(contextOf(req), { id: req.params.id, ...req.body });
    return { ...(await detail(req, req.params.id)), convertedTo: converted };
  });
  r.get(paths.photo, { config: { answers: 'file' }, schema: { params: photoParams, tags, summary: '下载民生诉求照片' } }, async (req, reply) => {
    const request = await loadRequest(db, actorOf(req), req.params.id);
    const file = await storedAttachment(db, { type: 'livelihoodRequest', id: request.id }, req.params.attachmentId);
    if (!file) throw AppError.notFound('照片');
    return sendAttachment(reply, file);
  });
}
