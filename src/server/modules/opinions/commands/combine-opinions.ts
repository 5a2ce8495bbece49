import { and, eq, inArray, max } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { transitionWithin } from '../../../platform/workflow/apply.js';
import { addRevision, nextInSequence } from '../committees.js';
import { notifyOpinionAuthors } from '../notices.js';
import { opinions } from '../schema.js';
import { isInfoStaff, opinionWorkflow, type Opinion } from '../workflow.js';
import { checkText } from './draft-opinion.js';

/**
 * 综合: several reports on one problem become one report written by the information office. Each
 * source moves to `combined` pointing at the new report; the new report prints its authors'
 * names, and adoptions and instructions of it credit every one of them (ledger.ts). All or
 * nothing, in one transaction.
 */
export async function combineOpinions({ database, actor, today, now }: CommandContext, { ids, versions, ...c }: { ids: string[]; versions: Record<string, number>; title: string; body: string; category: string }): Promise<Opinion> {
  if (!isInfoStaff(actor)) throw AppError.forbidden('只有信息科工作人员可以综合信息');
  const unique = [...new Set(ids)];
  if (unique.length < 2) throw AppError.field('ids', '被综合信息', '至少选择两篇');
  const year = Number(today.slice(0, 4));
  await checkText(database.db, actor.committeeId, year, c);
  const sources: Opinion[] = [];
  const combined = await inTransaction(database, async (uow) => {
    const picked = await uow.tx.select().from(opinions).where(and(inArray(opinions.id, unique), eq(opinions.committeeId, actor.committeeId)));
    if (picked.length !== unique.length) throw AppError.notFound('社情民意信息');
    const ordered = unique.map((id) => picked.find((o) => o.id === id)!);
    const authorText = `综合（${[...new Set(ordered.map((o) => o.authorText))].join('、')}）`;
    const serial = await nextInSequence(uow.tx, `opinion-serial:${actor.committeeId}:${year}`, async () =>
      (await uow.tx.select({ n: max(opinions.serial) }).from(opinions).where(and(eq(opinions.committeeId, actor.committeeId), eq(opinions.year, year))))[0].n,
    );
    const [row] = await uow.tx
      .insert(opinions)
      .values({ ...c, committeeId: actor.committeeId, year, serial, authorType: 'combined', authorText, createdByUserId: actor.userId, status: 'submitted', submittedAt: now })
      .returning();
    await audit(uow.tx, actor, { action: 'opinion.create', subjectType: 'opinion', subjectId: row.id, after: { ...row, sources: unique } });
    for (const id of unique) {
      const version = versions[id];
      if (version === undefined) throw AppError.field(`versions.${id}`, '版本', '缺少版本号');
      sources.push(
        await transitionWithin(uow, {
          workflow: opinionWorkflow, table: opinions, id, action: 'combine', actor, version, label: '社情民意信息', note: `综合为“${c.title}”`,
          patch: () => ({ combinedIntoId: row.id }),
        }),
      );
    }
    await addRevision(uow.tx, row, actor, `由${unique.length}篇信息综合`);
    for (const s of sources) await notifyOpinionAuthors(uow.tx, s, `您的社情民意已与其他信息综合：${s.title}`, `综合为“${c.title}”，您的署名保留。`);
    return row;
  });
  return combined;
}
