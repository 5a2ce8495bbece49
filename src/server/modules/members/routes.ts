import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { actorOf } from '../../platform/http/context.js';
import { AppError } from '../../platform/errors.js';
import { allowedActions, authorize, committeeSubject } from '../../platform/policy/policy.js';
import { loadRecord } from '../../platform/records/records.js';
import { loadLookups } from '../org/lookups.js';
import { idParams } from '../org/inputs.js';
import { memberInput, memberPatch, memberQuery } from './inputs.js';
import { memberPolicy } from './policy.js';
import { presentMember } from './presenter.js';
import { exportRoster, importRoster } from './roster.js';
import { members } from './schema.js';
import { createMember, listMembers, updateMember, type Member } from './service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** 委员管理: roster, profile, and the Excel round trip. */
export async function memberRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;

  r.get('/api/members', { schema: { querystring: memberQuery, tags: ['members'], summary: '委员列表' } }, async (req) => {
    const actor = actorOf(req);
    const [{ items, total }, lookups] = await Promise.all([listMembers(database.db, actor, req.query), loadLookups(database.db, actor.committeeId)]);
    return { items: items.map((m) => presentMember(m, actor, lookups)), total, actions: allowedActions(memberPolicy, actor, committeeSubject(actor) as Member) };
  });

  r.get('/api/members/export', { schema: { tags: ['members'], summary: '导出委员名册 (.xlsx)' } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(memberPolicy, 'export', actor, committeeSubject(actor) as Member);
    const rows = await database.db.select().from(members).where(eq(members.committeeId, actor.committeeId)).orderBy(asc(members.code));
    const file = await exportRoster(rows, await loadLookups(database.db, actor.committeeId));
    return reply.header('content-type', XLSX).header('content-disposition', attachment('委员名册.xlsx')).send(file);
  });

  r.get('/api/members/template', { schema: { tags: ['members'], summary: '委员名册导入模板' } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(memberPolicy, 'import', actor, committeeSubject(actor) as Member);
    const file = await exportRoster([], await loadLookups(database.db, actor.committeeId));
    return reply.header('content-type', XLSX).header('content-disposition', attachment('委员名册模板.xlsx')).send(file);
  });

  r.post('/api/members/import', { schema: { tags: ['members'], summary: '导入委员名册 (.xlsx)', consumes: ['multipart/form-data'] } }, async (req) => {
    const actor = actorOf(req);
    if (!req.isMultipart()) throw AppError.field('file', '文件', '请上传 .xlsx 文件');
    const part = await req.file();
    if (!part) throw AppError.field('file', '文件', '请上传 .xlsx 文件');
    const buffer = await part.toBuffer();
    const result = await importRoster(database, actor, buffer);
    return { imported: result.created + result.updated, ...result };
  });

  r.get('/api/members/:id', { schema: { params: idParams, tags: ['members'], summary: '委员详情' } }, async (req) => {
    const actor = actorOf(req);
    const m = await loadRecord<Member>(database.db, members, req.params.id, actor, memberPolicy);
    return presentMember(m, actor, await loadLookups(database.db, actor.committeeId));
  });

  r.post('/api/members', { schema: { body: memberInput, tags: ['members'], summary: '新增委员' } }, async (req) => {
    const actor = actorOf(req);
    const m = await createMember(database, actor, req.body);
    return presentMember(m, actor, await loadLookups(database.db, actor.committeeId));
  });

  r.patch('/api/members/:id', { schema: { params: idParams, body: memberPatch, tags: ['members'], summary: '修改委员' } }, async (req) => {
    const actor = actorOf(req);
    const { version, ...changes } = req.body;
    const m = await updateMember(database, actor, req.params.id, version, changes);
    return presentMember(m, actor, await loadLookups(database.db, actor.committeeId));
  });
}
