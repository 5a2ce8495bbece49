import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { attachmentCommands } from '../../../platform/attachments/commands.js';
import { AppError } from '../../../platform/errors.js';
import { recordLedger } from '../../../platform/ledger/ledger.js';
import { authorize } from '../../../platform/policy/policy.js';
import { updateRecord } from '../../../platform/records/records.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import type { ReportAction, reportActionBodies, reportBody } from '../../../../shared/research/inputs.js';
import { loadTopic, topicSubjectOf } from '../load.js';
import { notifyGroup, notifyOffice } from '../notices.js';
import { topicPolicy } from '../policy.js';
import { researchMembers, researchTopics } from '../schema.js';
import { reportWorkflow, type Topic, type TopicSubject } from '../workflow.js';

/** Files on the report (photos of the visits, survey tables, the signed text): while it is drafted. */
export const reportFiles = attachmentCommands({
  type: 'researchTopic',
  label: '每篇调研报告',
  table: researchTopics,
  load: loadTopic,
  subjectOf: (tx, row: typeof researchTopics.$inferSelect) => topicSubjectOf(tx, row),
  policy: topicPolicy,
});

/** 撰写调研报告: a confirmed member of the group (or the office) saves the text while it is drafted. */
export async function saveReport({ database, actor }: CommandContext, { id, ...r }: { id: string } & z.output<typeof reportBody>) {
  await loadTopic(database.db, actor, id);
  const { version, ...changes } = r;
  return updateRecord<Topic, TopicSubject>(database, {
    table: researchTopics, policy: topicPolicy, actor, id, version, changes, action: 'update',
    subjectOf: (row, db) => topicSubjectOf(db, row),
  });
}

type Payload = z.output<(typeof reportActionBodies)[ReportAction]>;

/**
 * The report through its reviews: submitted by the group, passed or returned (with a reason) by
 * the special committee's and the office's review; finalising it credits every member of the group
 * (`research.report`, the lead as lead) and tells them.
 */
export async function reportAction({ database, actor, today }: CommandContext, { id, action, input }: { id: string; action: ReportAction; input: Payload }) {
  await loadTopic(database.db, actor, id);
  const note = 'note' in input ? input.note : undefined;
  if (action === 'return' && !note) throw AppError.field('note', '退回理由', '退回须说明理由');
  return applyTransition(database, {
    workflow: reportWorkflow, table: researchTopics, id, action, actor, version: input.version, label: topicPolicy.label, note,
    context: async (row, uow) => topicSubjectOf(uow.tx, row),
    patch: () => (action === 'return' ? { returnNote: note! } : action === 'passOffice' ? { finalizedOn: today } : action === 'submit' ? { returnNote: null } : {}),
    alsoDo: async (t, _before, uow) => {
      if (action === 'submit') await notifyOffice(uow.tx, t.committeeId, `调研报告待审核：${t.reportTitle}`, t.id);
      if (action === 'return') await notifyGroup(uow.tx, t.committeeId, t.id, `调研报告被退回修改：${t.reportTitle}`, note);
      if (action === 'passOffice') {
        const group = await uow.tx.select().from(researchMembers).where(and(eq(researchMembers.topicId, t.id), eq(researchMembers.state, 'confirmed')));
        await recordLedger(uow.tx, group.map((g) => ({ committeeId: t.committeeId, memberId: g.memberId, kind: 'research.report', part: g.role === 'lead' ? ('lead' as const) : ('contributor' as const), day: today, sourceType: 'researchTopic', sourceId: t.id, note: t.reportTitle })));
        await notifyGroup(uow.tx, t.committeeId, t.id, `调研报告已定稿：${t.reportTitle}`);
      }
    },
  });
}

