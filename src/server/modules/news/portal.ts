import { and, desc, eq } from 'drizzle-orm';
import type { PortalSource } from '../../platform/modules/manifest.js';
import { newsKinds, type NewsKind } from '../../../shared/news/labels.js';
import { newsPosts } from './schema.js';

const dateOf = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The latest published posts of one column, after the published proposals (通知公告 before 新闻动态: what the public must act on first). */
const column = (kind: NewsKind, order: number): PortalSource => ({
  order,
  async load(db, committeeId) {
    const rows = await db.select({ id: newsPosts.id, title: newsPosts.title, publishedAt: newsPosts.publishedAt }).from(newsPosts)
      .where(and(eq(newsPosts.committeeId, committeeId), eq(newsPosts.status, 'published'), eq(newsPosts.kind, kind)))
      .orderBy(desc(newsPosts.publishedAt)).limit(5);
    return {
      key: kind, title: newsKinds[kind], emptyText: `暂无${newsKinds[kind]}`,
      items: rows.map((p) => ({ title: p.title, meta: [dateOf(p.publishedAt!)], href: `/portal/news/${p.id}` })),
      more: rows.length ? { href: `/portal/news?c=${committeeId}&kind=${kind}`, label: `全部${newsKinds[kind]}` } : null,
    };
  },
});

export const noticesSection = column('notice', 12);
export const newsSection = column('news', 14);
