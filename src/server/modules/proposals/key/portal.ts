import { and, desc, eq } from 'drizzle-orm';
import type { PortalSource } from '../../../platform/modules/manifest.js';
import { proposals } from '../schema.js';
import { excellentNominations } from './schema.js';

/**
 * 优秀提案 on the portal home: the proposals of the rounds the office published, newest round first;
 * each links to the proposal's public page when the proposal and its replies are published too.
 */
export const excellentProposalsSection: PortalSource = {
  order: 12,
  async load(db, committeeId) {
    const rows = await db
      .select({ id: proposals.id, title: proposals.title, numberText: proposals.numberText, category: proposals.category, year: excellentNominations.year, publishedAt: proposals.publishedAt })
      .from(excellentNominations)
      .innerJoin(proposals, eq(proposals.id, excellentNominations.proposalId))
      .where(and(eq(excellentNominations.committeeId, committeeId), eq(excellentNominations.status, 'published')))
      .orderBy(desc(excellentNominations.year), desc(excellentNominations.publishedOn), desc(proposals.number))
      .limit(12);
    return {
      key: 'excellentProposals', title: '优秀提案', emptyText: '暂无公布的优秀提案',
      items: rows.map((p) => ({ title: p.title, meta: [`${p.year}年度优秀提案`, p.numberText ?? '', p.category].filter(Boolean), href: p.publishedAt ? `/portal/proposals/${p.id}` : null })),
      more: null,
    };
  },
};
