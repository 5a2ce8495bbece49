import { and, desc, eq, inArray } from 'drizzle-orm';
import type { PortalSource, PublicSearchSource } from '../../platform/modules/manifest.js';
import { excerptOf } from '../portal/search.js';
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

type SearchRow = { id: string; title: string; summary: string; body: string; status: string };

/** Published news and notices in the portal's search; a withdrawn post leaves the index. */
export const newsSearch: PublicSearchSource = {
  kind: 'news',
  label: '新闻公告',
  source: {
    table: newsPosts,
    committeeId: newsPosts.committeeId,
    updatedAt: newsPosts.updatedAt,
    fields: { id: newsPosts.id, title: newsPosts.title, summary: newsPosts.summary, body: newsPosts.body, status: newsPosts.status },
    document: (r: SearchRow) => (r.status === 'published' ? { title: r.title, body: `${r.summary}\n${r.body}`, tag: 0 } : null),
    visibility: () => ({ tags: [0], owners: [] }),
  },
  async present(db, ids, words) {
    if (!ids.length) return [];
    const rows = await db.select().from(newsPosts).where(and(inArray(newsPosts.id, ids), eq(newsPosts.status, 'published')));
    return rows.map((p) => ({
      kind: 'news', id: p.id, title: p.title, excerpt: excerptOf(`${p.summary} ${p.body}`, words), date: dateOf(p.publishedAt!), year: Number(dateOf(p.publishedAt!).slice(0, 4)),
      category: newsKinds[p.kind as NewsKind] ?? null, units: [], sector: null, href: `/portal/news/${p.id}`,
    }));
  },
};
