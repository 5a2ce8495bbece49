import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { listLink, type CockpitChart } from '../../../../shared/cockpit/cockpit.js';
import { citations } from './queries.js';
import { proposalTopics } from './schema.js';

/**
 * The year's published reference topics and how proposals took them up: per topic the proposals
 * citing it (this committee's own of the year, submitted and not withdrawn — the rows of the list
 * each bar links to), and how many topics at least one proposal cites.
 */
export async function topicUptake(db: Executor, committeeId: string, year: number) {
  const [topics, cited] = await Promise.all([
    db.select({ id: proposalTopics.id, serial: proposalTopics.serial, title: proposalTopics.title }).from(proposalTopics)
      .where(and(eq(proposalTopics.committeeId, committeeId), eq(proposalTopics.year, year), eq(proposalTopics.status, 'published'))).orderBy(asc(proposalTopics.serial)),
    citations(db, committeeId, year),
  ]);
  const rows = topics.map((t) => ({ ...t, cited: cited.get(t.id) ?? 0 }));
  return { rows, published: rows.length, taken: rows.filter((t) => t.cited > 0).length };
}

/** 提案参考选题 on the cockpit: how many topics were taken up, and the proposals each drew. */
export async function topicCharts(db: Executor, committeeId: string, year: number): Promise<Omit<CockpitChart, 'total' | 'rate'>[]> {
  const { rows } = await topicUptake(db, committeeId, year);
  if (!rows.length) return [];
  const list = (topicId: string) => listLink('/proposals/all', { session: 'all', year, historical: 0, topicId });
  const taken = rows.filter((t) => t.cited > 0);
  return [
    {
      key: 'proposalTopicUptake', section: 'proposals', title: '提案参考选题采用率', kind: 'rate', unit: '个', good: ['taken'], link: `/proposals/topics?year=${year}`,
      note: '已发布的参考选题中，至少有一件提案选用的比例',
      parts: [{ key: 'taken', label: '已有提案选用', value: taken.length }, { key: 'untaken', label: '尚无提案选用', value: rows.length - taken.length }],
    },
    {
      key: 'proposalsByTopic', section: 'proposals', title: '选用参考选题的提案', kind: 'bar', unit: '件', note: '每个参考选题被多少件提案选用（不含草稿和撤回的）',
      parts: taken.sort((a, b) => b.cited - a.cited || a.serial - b.serial).map((t) => ({ key: t.id, label: `${t.serial}. ${t.title}`, value: t.cited, link: list(t.id) })),
    },
  ];
}
