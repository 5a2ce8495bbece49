import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { AppError } from '../../platform/errors.js';
import { allowedActions, authorize, committeeSubject } from '../../platform/policy/policy.js';
import { loadRecord } from '../../platform/records/records.js';
import { loadLookups } from '../org/lookups.js';
import { idParams } from '../../../shared/org/inputs.js';
import { memberInput, memberPatch, memberQuery } from '../../../shared/members/inputs.js';
import { memberPaths as paths } from '../../../shared/members/paths.js';
import { importResult, member, memberList } from '../../../shared/members/responses.js';
import { memberPolicy, rosterPolicy } from './policy.js';
import { presentMember } from './presenter.js';
import { exportRoster } from './roster.js';
import { members, type Member } from './schema.js';
import { createMember } from './commands/create-member.js';
import { importRoster } from './commands/import-roster.js';
import { updateMember } from './commands/update-member.js';
import { listMembers } from './queries.js';
import { contentDisposition } from '../../../shared/http/content-disposition.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 委员管理: roster, profile, and the Excel round trip. */
export async function memberRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;

  r.get(paths.list, { config: { answers: { memberList } }, schema: { querystring: memberQuery, tags: ['members'], summary: '委员列表' } }, async (req) => {
    const actor = actorOf(req);
    const [{ items, total }, lookups] = await Promise.all([listMembers(database.db, actor, req.query), loadLookups(database.db, actor.committeeId)]);
    return { items: items.map((m) => presentMember(m, actor, lookups)), total, actions: allowedActions(rosterPolicy, actor, committeeSubject(actor)) };
  });

  r.get(paths.export, { config: { answers: 'xlsx' }, schema: { tags: ['members'], summary: '导出委员名册 (.xlsx)' } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(rosterPolicy, 'export', actor, committeeSubject(actor));
    const rows = await database.db.select().from(members).where(eq(members.committeeId, actor.committeeId)).orderBy(asc(members.code));
    const file = await exportRoster(rows, await loadLookups(database.db, actor.committeeId));
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition('委员名册.xlsx', 'members')).send(file);
  });

  r.get(paths.template, { config: { answers: 'xlsx' }, schema: { tags: ['members'], summary: '委员名册导入模板' } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(rosterPolicy, 'import', actor, committeeSubject(actor));
    const file = await exportRoster([], await loadLookups(database.db, actor.committeeId));
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition('委员名册模板.xlsx', 'members-template')).send(file);
  });

  r.post(paths.import, { config: { answers: { importResult } }, schema: { tags: ['members'], summary: '导入委员名册 (.xlsx)', consumes: ['multipart/form-data'] } }, async (req) => {
    const ctx = contextOf(req); // 401 before reading the upload
    if (!req.isMultipart()) throw AppError.field('file', '文件', '请上传 .xlsx 文件');
    const part = await req.file();
    if (!part) throw AppError.field('file', '文件', '请上传 .xlsx 文件');
    const buffer = await part.toBuffer();
    const result = await importRoster(ctx, { file: buffer });
    return { imported: result.created + result.updated, ...result };
  });

  r.get(paths.detail, { config: { answers: { member } }, schema: { params: idParams, tags: ['members'], summary: '委员详情' } }, async (req) => {
    const actor = actorOf(req);
    const m = await loadRecord<Member>(database.db, members, req.params.id, actor, memberPolicy);
    return presentMember(m, actor, await loadLookups(database.db, actor.committeeId));
  });

  r.post(paths.list, { config: { answers: { member } }, schema: { body: memberInput, tags: ['members'], summary: '新增委员' } }, async (req) => {
    const actor = actorOf(req);
    const m = await createMember(contextOf(req), req.body);
    return presentMember(m, actor, await loadLookups(database.db, actor.committeeId));
  });

  r.patch(paths.detail, { config: { answers: { member } }, schema: { params: idParams, body: memberPatch, tags: ['members'], summary: '修改委员' } }, async (req) => {
    const actor = actorOf(req);
    const m = await updateMember(contextOf(req), { id: req.params.id, ...req.body });
    return presentMember(m, actor, await loadLookups(database.db, actor.committeeId));
  });
}
