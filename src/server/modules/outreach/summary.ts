import { and, eq, gte, lte, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { SummarySource } from '../../platform/modules/manifest.js';
import { amount } from '../../../shared/summary/report.js';
import { outreachContacts, outreachDeeds, outreachServices } from './schema.js';

type DayTable = typeof outreachContacts | typeof outreachDeeds | typeof outreachServices;

/** Live (not voided) records of the committee dated within the year. */
async function countOf(db: Executor, t: DayTable, committeeId: string, year: number): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t)
    .where(and(eq(t.committeeId, committeeId), ne(t.status, 'voided'), gte(t.day, `${year}-01-01`), lte(t.day, `${year}-12-31`)));
  return r.n;
}

/** 联系群众 of a year: members' contacts with the public, practical deeds and public service (councils are 协商议政's). */
export const outreachSummary: SummarySource = async (db: Executor, committeeId, year) => {
  const [contacts, deeds, services] = await Promise.all([outreachContacts, outreachDeeds, outreachServices].map((t) => countOf(db, t, committeeId, year)));
  const figures = [
    { key: 'contacts', label: '委员联系界别群众', value: contacts, unit: '次', link: '/outreach/all?tab=contacts' },
    { key: 'deeds', label: '为群众办实事', value: deeds, unit: '件', link: '/outreach/all?tab=deeds' },
    { key: 'services', label: '参加公益活动', value: services, unit: '次', link: '/outreach/all?tab=services' },
  ];
  const [c, d, s] = figures;
  return {
    key: 'outreach', title: '联系群众', order: 60, figures,
    text: `委员联系界别群众${amount(c)}，为群众办实事${amount(d)}，参加公益活动${amount(s)}。`,
  };
};
