import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { newsKinds, newsStates } from '../../../shared/news/labels.js';
import type { newsListQuery, portalNewsQuery } from '../../../shared/news/inputs.js';
import type { newsList, newsPost, portalNewsList, portalNewsPost } from '../../../shared/news/responses.js';
import type { Presented } from '../../../shared/http/responses.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { listAttachments } from '../../platform/attachments/files.js';
import { AppError } from '../../platform/errors.js';
import { allowedActions, authorize, committeeSubject } from '../../platform/policy/policy.js';
import { newsCollectionPolicy, newsPolicy, type NewsPostRow } from './policy.js';
import { newsPosts } from './schema.js';

const files = async (db: Executor, id: string) => (await listAttachments(db, { type: 'newsPost', id })).map((a) => ({ id: a.id, filename: a.filename, size: a.size }));

const summaryOf = (p: NewsPostRow, actor: Actor) => ({
  id: p.id, kind: p.kind, kindLabel: newsKinds[p.kind as keyof typeof newsKinds] ?? p.kind, title: p.title, summary: p.summary,
  status: p.status, statusLabel: newsStates[p.status as keyof typeof newsStates] ?? p.status,
  publishedAt: p.publishedAt, publishedByName: p.publishedByName, updatedAt: p.updatedAt, version: p.version,
  actions: allowedActions(newsPolicy, actor, p),
});

export async function presentPost(db: Executor, actor: Actor, p: NewsPostRow): Promise<Presented<typeof newsPost>> {
  return { ...summaryOf(p, actor), body: p.body, attachments: await files(db, p.id) };
}

/** The office's list: every post of the committee, drafts first, then newest. */
export async function listPosts(db: Executor, actor: Actor, q: z.output<typeof newsListQuery>): Promise<Presented<typeof newsList>> {
  authorize(newsCollectionPolicy, 'read', actor, committeeSubject(actor));
  const where: SQL[] = [eq(newsPosts.committeeId, actor.committeeId)];
  if (q.kind) where.push(eq(newsPosts.kind, q.kind));
  if (q.status) where.push(eq(newsPosts.status, q.status));
  const rows = await db.select().from(newsPosts).where(and(...where))
    .orderBy(sql`${newsPosts.status} = 'draft' desc`, sql`${newsPosts.publishedAt} desc nulls first`, desc(newsPosts.createdAt))
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(newsPosts).where(and(...where));
  return { items: rows.map((p) => summaryOf(p, actor)), total, actions: allowedActions(newsCollectionPolicy, actor, committeeSubject(actor)) };
}

const publicItem = (p: NewsPostRow) => ({ id: p.id, kind: p.kind, kindLabel: newsKinds[p.kind as keyof typeof newsKinds] ?? p.kind, title: p.title, summary: p.summary, publishedAt: p.publishedAt! });
const published = (committeeId: string) => and(eq(newsPosts.committeeId, committeeId), eq(newsPosts.status, 'published'));

/** The portal's list: published posts of one committee, newest first. */
export async function portalPosts(db: Executor, committee: { id: string; name: string }, q: z.output<typeof portalNewsQuery>): Promise<Presented<typeof portalNewsList>> {
  const where = q.kind ? and(published(committee.id), eq(newsPosts.kind, q.kind)) : published(committee.id);
  const rows = await db.select().from(newsPosts).where(where).orderBy(desc(newsPosts.publishedAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(newsPosts).where(where);
  return { committee, items: rows.map(publicItem), total };
}

/** A published post, or not found — a draft or a withdrawn post is never told apart from a made-up id. */
export async function publishedPost(db: Executor, id: string) {
  const [p] = await db.select().from(newsPosts).where(and(eq(newsPosts.id, id), eq(newsPosts.status, 'published')));
  if (!p) throw AppError.notFound('新闻公告');
  return p;
}

export async function portalPost(db: Executor, p: NewsPostRow, committee: { id: string; name: string }): Promise<Presented<typeof portalNewsPost>> {
  return { ...publicItem(p), committee, body: p.body, attachments: await files(db, p.id) };
}
