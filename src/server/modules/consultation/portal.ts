import { and, desc, eq, lte } from 'drizzle-orm';
import type { PortalSource } from '../../platform/modules/manifest.js';
import { planItems } from './presenter.js';
import { consultationPlans } from './schema.js';

/**
 * 年度协商计划: the latest plan the party committee approved (this year's, or the last one), as it
 * is printed — topics, forms, months and lead committees, no ids. A plan under revision is not shown
 * until it is approved again.
 */
export const consultationPlanSection: PortalSource = {
  order: 20,
  async load(db, committeeId, today) {
    const [plan] = await db.select().from(consultationPlans)
      .where(and(eq(consultationPlans.committeeId, committeeId), eq(consultationPlans.status, 'approved'), lte(consultationPlans.year, Number(today.slice(0, 4)))))
      .orderBy(desc(consultationPlans.year)).limit(1);
    const items = plan ? await planItems(db, plan) : [];
    return {
      key: 'consultation', title: plan ? `${plan.year}年度协商计划` : '年度协商计划', emptyText: '年度协商计划尚未发布',
      items: items.map((i) => ({ title: i.title, meta: [i.formLabel, `${i.month}月`, i.leadName ? `牵头：${i.leadName}` : ''].filter(Boolean), href: null })),
      more: null,
    };
  },
};
