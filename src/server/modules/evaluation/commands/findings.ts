import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../../db/client.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { assignUnits } from '../../../platform/handling/assignments.js';
import { openSecondRound } from '../../../platform/handling/rounds.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import type { findingInput, recheckBody } from '../../../../shared/evaluation/inputs.js';
import { loadCampaign, loadFinding } from '../load.js';
import { campaignPolicy, findingPolicy } from '../policy.js';
import { findingPort } from '../port.js';
import { evaluationFindings } from '../schema.js';
import { findingWorkflow, type Finding } from '../workflow.js';

/**
 * 整改事项: a finding of the evaluation for one department becomes an item sent to it through the
 * handling primitive; its reply deadline is the rectification period (working days, a setting).
 */
export async function addFinding({ database, actor, today }: CommandContext, { campaignId, ...d }: { campaignId: string } & z.output<typeof findingInput>): Promise<Finding> {
  const c = await loadCampaign(database.db, actor, campaignId);
  authorize(campaignPolicy, 'addFinding', actor, c);
  if (!c.unitIds.includes(d.unitId)) throw AppError.field('unitId', '整改部门', '不在本次评议范围内');
  return inTransaction(database, async (uow) => {
    const [f] = await uow.tx.insert(evaluationFindings).values({ committeeId: c.committeeId, campaignId, unitId: d.unitId, year: c.year, text: d.text, createdByName: actor.name }).returning();
    await audit(uow.tx, actor, { action: 'evaluationFinding.create', subjectType: 'evaluationFinding', subjectId: f.id, after: { campaignId, unitId: d.unitId, text: d.text } });
    await assignUnits(uow, { actor, port: findingPort, subject: (await findingPort.load(uow.tx, f.id))!, plan: [{ unitId: d.unitId, role: 'sole' }], today });
    return f;
  });
}

/**
 * 回头看: the office rechecks what the department did. Passed → done; not passed → the department
 * handles it again (a second round with the re-handling period), once.
 */
export async function recheckFinding({ database, actor, today }: CommandContext, { id, ...d }: { id: string } & z.output<typeof recheckBody>) {
  const current = await loadFinding(database.db, actor, id);
  authorize(findingPolicy, 'recheck', actor, current);
  return applyTransition(database, {
    workflow: findingWorkflow, table: evaluationFindings, id, actor, version: d.version, note: d.note, label: '整改事项',
    action: d.passed ? 'recheckPassed' : 'recheckFailed',
    patch: (f: Finding) => ({ recheckNote: d.note, recheckedOn: today, ...(d.passed ? {} : { handlingRound: f.handlingRound + 1 }) }),
    alsoDo: async (f: Finding, _before, uow) => {
      if (!d.passed) await openSecondRound(uow, { actor, port: findingPort, subject: (await findingPort.load(uow.tx, f.id))!, today });
    },
  });
}

export const findingsOf = (db: Database['db'], campaignId: string) => db.select().from(evaluationFindings).where(eq(evaluationFindings.campaignId, campaignId)).orderBy(evaluationFindings.createdAt);
