import type { CommandContext } from '../../../platform/commands/context.js';
import { assignUnits } from '../../../platform/handling/assignments.js';
import type { PlannedUnit } from '../../../platform/handling/plan.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import { assertOwned } from '../../org/lookups.js';
import { loadOpinion } from '../load.js';
import { notifyOpinionAuthors } from '../notices.js';
import { opinionPort } from '../port.js';
import { opinions } from '../schema.js';
import { opinionWorkflow, type Opinion } from '../workflow.js';

/** 转部门办理: the information office passes a report to departments through the handling primitive. */
export async function assignOpinion({ database, actor, today }: CommandContext, { id, version, assignments: plan }: { id: string; version: number; assignments: PlannedUnit[] }) {
  await loadOpinion(database.db, actor, id);
  await assertOwned(database.db, 'units', plan.map((p) => p.unitId), actor.committeeId, 'assignments', '承办单位');
  return applyTransition(database, {
    workflow: opinionWorkflow, table: opinions, id, action: 'assign', actor, version, label: '社情民意信息',
    patch: () => ({ handlingStatus: 'handling', handlingRound: 1 }),
    alsoDo: async (o: Opinion, _before, uow) => {
      await assignUnits(uow, { actor, port: opinionPort, subject: (await opinionPort.load(uow.tx, o.id))!, plan, today });
      await notifyOpinionAuthors(uow.tx, o, `社情民意已转部门办理：${o.title}`);
    },
  });
}
