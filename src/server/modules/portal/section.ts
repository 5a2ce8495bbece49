import type { PortalSource } from '../../platform/modules/manifest.js';
import { portalProposals } from './proposals.js';

/** 公开提案: the latest published proposals, each with the units that answered it. */
export const publishedProposalsSection: PortalSource = {
  order: 10,
  async load(db, committeeId) {
    const { items, total } = await portalProposals(db, { committeeId, page: 1, pageSize: 6 });
    return {
      key: 'proposals', title: '公开提案与答复', emptyText: '暂无公开的提案',
      items: items.map((p) => ({ title: p.title, meta: [p.numberText ?? '', p.category, p.units.length ? `承办：${p.units.join('、')}` : ''].filter(Boolean), href: `/portal/proposals/${p.id}` })),
      more: total > items.length ? { href: `/portal/proposals?c=${committeeId}`, label: `全部${total}件公开提案` } : null,
    };
  },
};
