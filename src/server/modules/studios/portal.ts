import type { PortalSource } from '../../platform/modules/manifest.js';
import { openStudios } from './public.js';

/** 委员工作室 on the portal home: each open studio with its place and members count, linking to its page. */
export const studiosSection: PortalSource = {
  order: 50,
  async load(db, committeeId) {
    const rows = await openStudios(db, committeeId);
    return {
      key: 'studios', title: '委员工作室', emptyText: '暂无委员工作室',
      items: rows.map(({ studio, profile, memberCount }) => ({
        title: studio.name,
        meta: [profile?.place ?? '', memberCount ? `委员${memberCount}名` : ''].filter(Boolean),
        href: `/portal/studios/${studio.id}`,
      })),
      more: rows.length ? { href: `/portal/studios?c=${committeeId}`, label: '全部委员工作室 · 线上咨询' } : null,
    };
  },
};
