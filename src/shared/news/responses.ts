import { z } from 'zod';
import { instant, type Wire } from '../http/responses.js';

/** What the server answers about news posts and notices. */

const attachment = z.object({ id: z.string(), filename: z.string(), size: z.number() });

/** A post as the office sees it, with the actions the reader may take. */
export const newsPost = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  publishedAt: instant.nullable(),
  publishedByName: z.string().nullable(),
  updatedAt: instant,
  attachments: z.array(attachment),
  version: z.number(),
  actions: z.array(z.string()),
});
export type NewsPost = Wire<typeof newsPost>;
export const newsList = z.object({ items: z.array(newsPost.omit({ body: true, attachments: true })), total: z.number(), actions: z.array(z.string()) });
export type NewsList = Wire<typeof newsList>;

/** What the public reads: published posts only, no person's name but the committee's. */
export const portalNewsItem = z.object({ id: z.string(), kind: z.string(), kindLabel: z.string(), title: z.string(), summary: z.string(), publishedAt: instant });
export type PortalNewsItem = Wire<typeof portalNewsItem>;
export const portalNewsList = z.object({ committee: z.object({ id: z.string(), name: z.string() }), items: z.array(portalNewsItem), total: z.number() });
export type PortalNewsList = Wire<typeof portalNewsList>;
export const portalNewsPost = portalNewsItem.extend({ committee: z.object({ id: z.string(), name: z.string() }), body: z.string(), attachments: z.array(attachment) });
export type PortalNewsPost = Wire<typeof portalNewsPost>;
