import type { PortalSource } from '../../platform/modules/manifest.js';
import { publishedRequests } from './commands/follow.js';

/** 民生诉求办理: finished requests staff published — what, where and what was done; never who sent it. */
export const publishedRequestsSection: PortalSource = {
  order: 30,
  async load(db, committeeId) {
    const { items } = await publishedRequests(db, committeeId);
    return {
      key: 'requests', title: '民生诉求办理', emptyText: '暂无公开的办理结果',
      items: items.slice(0, 6).map((r) => ({
        title: r.body.length > 60 ? `${r.body.slice(0, 60)}…` : r.body,
        meta: [r.category, r.place, r.handler ? `办理：${r.handler}` : '', r.outcome ? `结果：${r.outcome}` : '', r.doneOn ?? ''].filter((x): x is string => !!x),
        href: null,
      })),
      more: { href: `/portal/requests/new?c=${committeeId}`, label: '我要反映民生诉求' },
    };
  },
};
