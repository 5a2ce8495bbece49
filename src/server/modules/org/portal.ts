import { and, asc, eq } from 'drizzle-orm';
import type { PortalSource } from '../../platform/modules/manifest.js';
import { studios } from './schema.js';

/** 委员工作室: the committee's open studios, where the public can bring a problem to members. */
export const studiosSection: PortalSource = {
  order: 50,
  async load(db, committeeId) {
    const rows = await db.select({ name: studios.name }).from(studios).where(and(eq(studios.committeeId, committeeId), eq(studios.active, true))).orderBy(asc(studios.sortOrder), asc(studios.name));
    return {
      key: 'studios', title: '委员工作室', emptyText: '暂无委员工作室',
      items: rows.map((s) => ({ title: s.name, meta: [], href: null })),
      more: rows.length ? { href: `/portal/requests/new?c=${committeeId}`, label: '向委员工作室反映诉求' } : null,
    };
  },
};
