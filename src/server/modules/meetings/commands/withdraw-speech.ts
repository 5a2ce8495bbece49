import type { CommandContext } from '../../../platform/commands/context.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import { plenarySpeeches, type Speech } from '../schema.js';
import { speechWorkflow } from '../workflow.js';

/** The author takes a speech back before the office has chosen. */
export async function withdrawSpeech({ database, actor }: CommandContext, { id, version }: { id: string; version: number }): Promise<Speech> {
  return applyTransition(database, { workflow: speechWorkflow, table: plenarySpeeches, id, action: 'withdraw', actor, version, label: '大会发言' });
}
