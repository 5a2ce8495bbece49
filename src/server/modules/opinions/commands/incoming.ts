import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/commands/context.js';
import { auditAcross } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { committeeOf, levelOf } from '../committees.js';
import { creditAdopted } from '../ledger.js';
import { loadOpinion } from '../load.js';
import { notifyInfoOffice, notifyOpinionAuthors, opinionLink } from '../notices.js';
import { opinionPolicy } from '../policy.js';
import { opinionAdoptions, opinionIssueItems, opinionSends } from '../schema.js';
import { opinionSettings } from '../settings.js';
import { levels } from '../workflow.js';
import { openIssue } from './decide-opinion.js';

type Decision = { adopt: true; mode: 'alone' | 'digest'; issueId?: string | null; note?: string | null } | { adopt: false; feedback: string };

/**
 * 上下联动, the receiving side: the parent committee's information office adopts (optionally into
 * one of its own issues) or declines a report a district sent up. The report stays the district's;
 * the decision is written on the send record (version-checked) and the adoption on the report's
 * committee, so it flows back to the district record, the author's credit and notices.
 */
export async function decideIncoming({ database, actor, today, now }: CommandContext, { id, version, ...d }: { id: string; version: number } & Decision) {
  const o = await loadOpinion(database.db, actor, id);
  authorize(opinionPolicy, 'decideIncoming', actor, o);
  return inTransaction(database, async (uow) => {
    const [send] = await uow.tx.select().from(opinionSends).where(and(eq(opinionSends.opinionId, o.id), eq(opinionSends.targetCommitteeId, actor.committeeId)));
    if (!send) throw AppError.notFound('报送记录');
    if (send.status !== 'sent') throw AppError.invalidState('该信息已处理');
    if (send.version !== version) throw AppError.versionConflict();
    const changes = d.adopt ? { status: 'adopted', feedback: d.note ?? null } : { status: 'declined', feedback: d.feedback };
    const [updated] = await uow.tx
      .update(opinionSends)
      .set({ ...changes, decidedAt: now, version: send.version + 1, updatedAt: new Date() }) // updatedAt: row bookkeeping, wall time
      .where(and(eq(opinionSends.id, send.id), eq(opinionSends.version, version)))
      .returning();
    if (!updated) throw AppError.versionConflict();
    const here = await committeeOf(uow.tx, actor.committeeId);
    let adoptedBy = here.shortName;
    if (d.adopt) {
      const level = levelOf(here);
      let issueId: string | null = null;
      if (d.issueId) {
        const { issue, position } = await openIssue(uow.tx, actor, d.issueId);
        await uow.tx.insert(opinionIssueItems).values({ issueId: issue.id, opinionId: o.id, committeeId: issue.committeeId, position });
        const { periodical } = await getSettings(uow.tx, opinionSettings, here.id, issue.year);
        adoptedBy = `${here.shortName}《${periodical}》${issue.title}`;
        issueId = issue.id;
      }
      await uow.tx.insert(opinionAdoptions).values({
        committeeId: o.committeeId, opinionId: o.id, level, mode: d.mode, adoptedBy, adoptedOn: today, issueId,
        recordedByCommitteeId: actor.committeeId, recordedByName: actor.name, note: d.note ?? null,
      });
      await creditAdopted(uow.tx, o, level, today);
    }
    await auditAcross(uow.tx, actor, [o.committeeId], { action: d.adopt ? 'opinion.adoptIncoming' : 'opinion.declineIncoming', subjectType: 'opinion', subjectId: o.id, before: { status: send.status }, after: changes });
    const title = d.adopt ? `社情民意获${levels[levelOf(here)]}采用（${adoptedBy}）：${o.title}` : `${here.shortName}未采用报送的社情民意：${o.title}`;
    await notifyOpinionAuthors(uow.tx, o, title, d.adopt ? '' : d.feedback);
    await notifyInfoOffice(uow.tx, o.committeeId, title, opinionLink(o.id), d.adopt ? '' : d.feedback);
    return updated;
  });
}
