import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { PortalSource } from '../../platform/modules/manifest.js';
import { resultGrades } from '../../../shared/evaluation/labels.js';
import { resultsOf } from './load.js';
import { evaluationCampaigns } from './schema.js';
import type { Campaign } from './workflow.js';

/**
 * 民主评议结果: the latest campaign whose results the office published — each department's rank,
 * combined score (members, representatives and the public weighted), how many of each took part, and grade (满意单位 / 重点跟踪整改). Departments are public bodies; nothing of any member's
 * ballot exists to show (the server keeps counts only), and a department short of its quorum has no score.
 */
export const evaluationResultsSection: PortalSource = {
  order: 40,
  async load(db, committeeId) {
    const [campaign] = (await db.select().from(evaluationCampaigns)
      .where(and(eq(evaluationCampaigns.committeeId, committeeId), isNotNull(evaluationCampaigns.publishedOn)))
      .orderBy(desc(evaluationCampaigns.publishedOn)).limit(1)) as Campaign[];
    const results = campaign ? await resultsOf(db, campaign) : null;
    const ranked = (results?.departments ?? []).filter((d) => d.rank !== null).sort((a, b) => a.rank! - b.rank!);
    return {
      key: 'evaluation', title: campaign ? `民主评议结果：${campaign.title}` : '民主评议结果', emptyText: '暂无公布的民主评议结果',
      items: ranked.map((d) => ({
        title: `${d.rank}. ${d.name}`,
        meta: [`综合${d.score}分`, d.byKind.map((k) => `${k.label}${k.respondents}人`).join('、'), d.grade ? resultGrades[d.grade] : ''].filter(Boolean),
        href: null,
      })),
      more: null,
    };
  },
};
