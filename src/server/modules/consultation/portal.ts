import { and, desc, eq, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { PortalSource } from '../../platform/modules/manifest.js';
import type { Presented } from '../../../shared/http/responses.js';
import type { portalPlan } from '../../../shared/consultation/responses.js';
import { planItems } from './presenter.js';
import { consultationPlans } from './schema.js';
import type { Plan } from './workflow.js';

/** A committee's approved plans, newest first: only these are public (a plan under revision is shown again once approved). */
const approvedPlans = (db: Executor, committeeId: string) =>
  db.select().from(consultationPlans).where(and(eq(consultationPlans.committeeId, committeeId), eq(consultationPlans.status, 'approved'))).orderBy(desc(consultationPlans.year));

/** The approved plan of `year` (the latest without one), and every year with one. */
export async function publicPlan(db: Executor, committeeId: string, year?: number): Promise<{ years: number[]; plan: Plan | null }> {
  const plans = await approvedPlans(db, committeeId);
  return { years: plans.map((p) => p.year), plan: (year ? plans.find((p) => p.year === year) : plans[0]) ?? null };
}

/** 年度协商计划 on the portal: each topic as printed, with how far it has come — no ids, no people. */
export async function presentPublicPlan(db: Executor, committeeId: string, year?: number): Promise<Presented<typeof portalPlan>> {
  const { years, plan } = await publicPlan(db, committeeId, year);
  if (!plan) return { years, plan: null };
  const items = await planItems(db, plan);
  return {
    years,
    plan: {
      year: plan.year, title: plan.title, revision: plan.revision, approvedOn: plan.approvedOn,
      items: items.map((i) => ({ title: i.title, formLabel: i.formLabel, month: i.month, leadName: i.leadName, unitNames: i.unitNames, researchFirst: i.researchFirst, statusLabel: i.statusLabel })),
    },
  };
}

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
      more: plan ? { href: `/portal/plan?c=${committeeId}&year=${plan.year}`, label: '计划全文及下载' } : null,
    };
  },
};
