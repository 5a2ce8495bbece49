import type { CommandContext } from '../../../platform/commands/context.js';
import { recordLedger, voidLedger } from '../../../platform/ledger/ledger.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import { plenarySpeeches, type Speech } from '../schema.js';
import { selectAction, speechWorkflow } from '../workflow.js';

export interface SpeechSelection {
  id: string;
  version: number;
  status: 'oral' | 'written' | 'notUsed';
  note?: string;
}

/**
 * Staff choose oral, written or not used. The ledger follows the latest choice: the previous
 * speech entry is voided and `speech.oral` / `speech.written` is written for the author (and, for a
 * research group's speech, each contributor, who share it as a collective proposal's authors do).
 */
export async function selectSpeech({ database, actor, today, now }: CommandContext, { id, version, status, note }: SpeechSelection): Promise<Speech> {
  return applyTransition(database, {
    workflow: speechWorkflow, table: plenarySpeeches, id, action: selectAction[status], actor, version, label: '大会发言', note,
    patch: () => ({ decidedAt: now, decidedByName: actor.name, decisionNote: note ?? null }),
    alsoDo: async (s: Speech, _before: Speech, { tx }) => {
      for (const kind of ['speech.oral', 'speech.written']) await voidLedger(tx, { sourceType: 'plenarySpeech', sourceId: s.id, kind, at: now });
      if (status === 'notUsed') return;
      const entry = (memberId: string, part: 'lead' | 'contributor') => ({ committeeId: s.committeeId, memberId, part, kind: `speech.${status}`, day: today, sourceType: 'plenarySpeech', sourceId: s.id });
      await recordLedger(tx, [entry(s.memberId, 'lead'), ...s.contributorMemberIds.filter((m) => m !== s.memberId).map((m) => entry(m, 'contributor'))]);
    },
  });
}
