import { and, desc, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { CommandContext } from '../../platform/commands/context.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { inTransaction } from '../../platform/jobs/after-commit.js';
import { authorize, committeeSubject } from '../../platform/policy/policy.js';
import { nextInSequence } from '../opinions/committees.js';
import type { SummarySection, versionInput } from '../../../shared/summary/report.js';
import { summaryPolicy } from './policy.js';
import { summaryVersions, type SummaryVersion } from './schema.js';

export const versionRow = (v: SummaryVersion) => ({ id: v.id, number: v.number, createdByName: v.createdByName, createdAt: v.createdAt.toISOString() });

/** The year's saved versions, newest first. */
export const versionsOf = (db: Executor, committeeId: string, year: number) =>
  db.select().from(summaryVersions).where(and(eq(summaryVersions.committeeId, committeeId), eq(summaryVersions.year, year))).orderBy(desc(summaryVersions.number));

/** One saved version of the actor's committee, or not found. */
export async function findVersion(db: Executor, committeeId: string, id: string): Promise<SummaryVersion> {
  const [v] = await db.select().from(summaryVersions).where(and(eq(summaryVersions.id, id), eq(summaryVersions.committeeId, committeeId)));
  if (!v) throw AppError.notFound('年度工作报告版本');
  return v;
}

/**
 * Saves the next version of a year's report: the figures as counted now (`sections`) with the
 * office's words around them; a paragraph must name a section of the report.
 */
export async function saveVersion({ database, actor }: CommandContext, input: z.output<typeof versionInput>, sections: SummarySection[]): Promise<SummaryVersion> {
  authorize(summaryPolicy, 'save', actor, committeeSubject(actor));
  const keys = new Set(sections.map((s) => s.key));
  const unknown = Object.keys(input.narratives).find((k) => !keys.has(k));
  if (unknown) throw AppError.field('narratives', '各部分说明文字', `报告中没有“${unknown}”这一部分`);
  const narratives = Object.fromEntries(Object.entries(input.narratives).filter(([, text]) => text.length > 0));
  return inTransaction(database, async (uow) => {
    const number = await nextInSequence(uow.tx, `summary-version:${actor.committeeId}:${input.year}`, async () =>
      (await uow.tx.select({ n: max(summaryVersions.number) }).from(summaryVersions).where(and(eq(summaryVersions.committeeId, actor.committeeId), eq(summaryVersions.year, input.year))))[0].n,
    );
    const [row] = await uow.tx.insert(summaryVersions).values({ committeeId: actor.committeeId, year: input.year, number, intro: input.intro, narratives, sections, createdByName: actor.name }).returning();
    await audit(uow.tx, actor, { action: 'summary.saveVersion', subjectType: 'summary', subjectId: row.id, after: { year: row.year, number: row.number }, note: `${row.year}年第${row.number}版` });
    return row;
  });
}
