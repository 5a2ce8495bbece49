import { and, asc, desc, eq } from 'drizzle-orm';
import type { PortalSource } from '../../../platform/modules/manifest.js';
import { proposalTopics } from './schema.js';

/**
 * 提案参考选题 on the portal home: the latest year's published list, in its order, so the public
 * sees what the committee invites proposals on. Titles, categories and the year only.
 */
export const proposalTopicsSection: PortalSource = {
  order: 11,
  async load(db, committeeId) {
    const published = and(eq(proposalTopics.committeeId, committeeId), eq(proposalTopics.status, 'published'));
    const [latest] = await db.select({ year: proposalTopics.year }).from(proposalTopics).where(published).orderBy(desc(proposalTopics.year)).limit(1);
    const rows = latest
      ? await db.select({ serial: proposalTopics.serial, title: proposalTopics.title, category: proposalTopics.category }).from(proposalTopics)
        .where(and(published, eq(proposalTopics.year, latest.year))).orderBy(asc(proposalTopics.serial))
      : [];
    return {
      key: 'proposalTopics', title: latest ? `${latest.year}年度提案参考选题` : '提案参考选题', emptyText: '暂无发布的提案参考选题',
      items: rows.map((t) => ({ title: `${t.serial}. ${t.title}`, meta: [t.category], href: null })),
      more: null,
    };
  },
};
