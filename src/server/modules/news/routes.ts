import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { newsAttachmentParams, newsDraft, newsIdParams, newsListQuery, newsPatch, newsVersion, portalNewsQuery } from '../../../shared/news/inputs.js';
import { newsPaths as paths } from '../../../shared/news/paths.js';
import { newsList, newsPost, portalNewsList, portalNewsPost } from '../../../shared/news/responses.js';
import { sendAttachment, uploadedFile } from '../../platform/attachments/http.js';
import { storedAttachment } from '../../platform/attachments/files.js';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { checkCommittee } from '../../platform/tenancy/committee.js';
import { createPost, loadPost, newsFiles, publishPost, updatePost, withdrawPost } from './commands.js';
import { listPosts, portalPost, portalPosts, presentPost, publishedPost } from './queries.js';

const tags = ['news'];
/** Public and unauthenticated: answered to anyone, so limited per address like the portal's other reads. */
const open = { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } };

/** 新闻动态 / 通知公告: the general office writes and publishes; the portal shows what is published. */
export async function newsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const { db } = database;
  const present = (req: Parameters<typeof actorOf>[0], row: Awaited<ReturnType<typeof loadPost>>) => presentPost(db, actorOf(req), row);

  r.get(paths.list, { config: { answers: { newsList } }, schema: { querystring: newsListQuery, tags, summary: '新闻公告列表（办公室）' } }, async (req) => listPosts(db, actorOf(req), req.query));
  r.post(paths.list, { config: { answers: { newsPost } }, schema: { body: newsDraft, tags, summary: '撰写新闻公告（草稿）' } }, async (req) => present(req, await createPost(contextOf(req), req.body)));
  r.get(paths.post, { config: { answers: { newsPost } }, schema: { params: newsIdParams, tags, summary: '新闻公告详情' } }, async (req) => present(req, await loadPost(db, actorOf(req), req.params.id)));
  r.patch(paths.post, { config: { answers: { newsPost } }, schema: { params: newsIdParams, body: newsPatch, tags, summary: '修改新闻公告' } }, async (req) => present(req, await updatePost(contextOf(req), { id: req.params.id, ...req.body })));
  r.post(paths.publish, { config: { answers: { newsPost } }, schema: { params: newsIdParams, body: newsVersion, tags, summary: '发布到门户' } }, async (req) => present(req, await publishPost(contextOf(req), { id: req.params.id, ...req.body, now: app.services.now() })));
  r.post(paths.withdraw, { config: { answers: { newsPost } }, schema: { params: newsIdParams, body: newsVersion, tags, summary: '从门户撤回' } }, async (req) => present(req, await withdrawPost(contextOf(req), { id: req.params.id, ...req.body })));

  r.post(paths.attachments, { config: { answers: { newsPost } }, schema: { params: newsIdParams, tags, summary: '上传附件', consumes: ['multipart/form-data'] } }, async (req) => {
    await newsFiles.attach(contextOf(req), { id: req.params.id, file: await uploadedFile(req) });
    return present(req, await loadPost(db, actorOf(req), req.params.id));
  });
  r.get(paths.attachment, { config: { answers: 'file' }, schema: { params: newsAttachmentParams, tags, summary: '下载附件' } }, async (req, reply) =>
    sendAttachment(reply, await newsFiles.file(db, actorOf(req), req.params.id, req.params.attachmentId)));
  r.post(paths.removeAttachment, { config: { answers: { newsPost } }, schema: { params: newsAttachmentParams, tags, summary: '删除附件' } }, async (req) => {
    await newsFiles.remove(contextOf(req), { id: req.params.id, attachmentId: req.params.attachmentId });
    return present(req, await loadPost(db, actorOf(req), req.params.id));
  });

  // the portal: published posts only; a draft answers exactly as a made-up id does
  r.get(paths.portalList, { config: { ...open, answers: { portalNewsList } }, schema: { querystring: portalNewsQuery, tags, summary: '公开门户：新闻动态与通知公告' } }, async (req) =>
    portalPosts(db, await checkCommittee(database, req.query.committeeId), req.query));
  r.get(paths.portalPost, { config: { ...open, answers: { portalNewsPost } }, schema: { params: newsIdParams, tags, summary: '公开门户：新闻公告全文' } }, async (req) => {
    const p = await publishedPost(db, req.params.id);
    return portalPost(db, p, await checkCommittee(database, p.committeeId));
  });
  r.get(paths.portalAttachment, { config: { ...open, answers: 'file' }, schema: { params: newsAttachmentParams, tags, summary: '公开门户：下载新闻公告附件' } }, async (req, reply) => {
    const p = await publishedPost(db, req.params.id);
    return sendAttachment(reply, await storedAttachment(db, { type: 'newsPost', id: p.id }, req.params.attachmentId));
  });
}
