import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { AppError } from '../../platform/errors.js';
import { attachFile, readFile, removeFile } from '../../platform/activity/files.js';
import { sendAttachment } from '../../platform/attachments/http.js';
import { loadActivity } from '../../platform/activity/load.js';
import { presentDetail } from './presenter.js';
import { meetingPaths as paths } from '../../../shared/meetings/paths.js';
import { meetingDetail } from '../../../shared/meetings/responses.js';

const tags = ['meetings'];
const fileKind = z.object({ kind: z.enum(['materials', 'minutes']).describe('文件类别') });
const idParams = z.object({ id: z.uuid().describe('活动编号') });
const fileParams = z.object({ id: z.uuid().describe('活动编号'), fileId: z.uuid().describe('文件') });

/** 会议材料与纪要: upload (organisers), download (anyone who may see the event), remove. */
export async function meetingFileRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const { db } = database;

  r.post(paths.files, { config: { answers: { meetingDetail } }, schema: { params: idParams, querystring: fileKind, tags, summary: '上传会议材料或纪要', consumes: ['multipart/form-data'] } }, async (req) => {
    const actor = actorOf(req);
    const part = req.isMultipart() ? await req.file() : undefined;
    if (!part) throw AppError.field('file', '文件', '请选择要上传的文件');
    const data = await part.toBuffer();
    await attachFile(contextOf(req), { activityId: req.params.id, kind: req.query.kind, file: { filename: part.filename, data } });
    return presentDetail(db, actor, await loadActivity(db, actor, req.params.id));
  });

  r.get(paths.file, { config: { answers: 'file' }, schema: { params: fileParams, tags, summary: '下载会议材料或纪要' } }, async (req, reply) => {
    const f = await readFile(db, actorOf(req), { activityId: req.params.id, fileId: req.params.fileId });
    return sendAttachment(reply, f);
  });

  r.post(paths.removeFile, { config: { answers: { meetingDetail } }, schema: { params: fileParams, tags, summary: '移除会议材料或纪要' } }, async (req) => {
    const actor = actorOf(req);
    await removeFile(contextOf(req), { activityId: req.params.id, fileId: req.params.fileId });
    return presentDetail(db, actor, await loadActivity(db, actor, req.params.id));
  });
}
