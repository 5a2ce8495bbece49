import { z } from 'zod';

/** What the office sends about a news post or notice; the server validates every request with the same schemas. */

const version = z.number().int().min(1).describe('版本');
export const newsKind = z.enum(['news', 'notice']).describe('栏目');

/**
 * The simple editor: a title, a one-line summary for the portal's lists, and the body as paragraphs
 * of plain text (a blank line starts a new paragraph). No markup is stored, so nothing a writer
 * pastes can run on a reader's page.
 */
export const newsDraft = z.object({
  kind: newsKind,
  title: z.string().trim().min(4).max(80).describe('标题'),
  summary: z.string().trim().max(200).default('').describe('摘要'),
  body: z.string().trim().min(10).max(20000).describe('正文'),
});
export const newsPatch = newsDraft.partial().extend({ version });
export const newsVersion = z.object({ version });

export const newsIdParams = z.object({ id: z.uuid().describe('新闻公告') });
export const newsAttachmentParams = newsIdParams.extend({ attachmentId: z.uuid().describe('附件') });

export const newsListQuery = z.object({
  kind: newsKind.optional(),
  status: z.enum(['draft', 'published', 'withdrawn']).optional().describe('状态'),
  page: z.coerce.number().int().min(1).max(10000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(50).default(20).describe('每页条数'),
});

/** The portal's list and page of one committee's published posts. */
export const portalNewsQuery = z.object({
  committeeId: z.uuid().describe('政协'),
  kind: newsKind.optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(50).default(20).describe('每页条数'),
});
