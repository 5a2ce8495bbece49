import { eq } from 'drizzle-orm';
import type { HandlingPort } from '../../platform/handling/ports.js';
import { transitionWithin } from '../../platform/workflow/apply.js';
import { suggestionWorkflow, type Suggestion } from './workflow.js';
import { getSettings } from '../../platform/settings/settings.js';
import { notifyGroup, notifyOffice, suggestionLink } from './notices.js';
import { supervisionSuggestions } from './schema.js';
import { supervisionSettings } from './settings.js';

/**
 * How the handling primitive sees a supervision suggestion sent to units: open while they handle
 * it (first or second round); its group's members are the "proposer's side" (they may log contacts).
 * When every replying unit has replied, the suggestion waits for the group's rating.
 */
export const suggestionPort: HandlingPort = {
  type: 'supervision',
  label: '监督建议',
  office: 'general',
  link: suggestionLink,
  async load(db, id) {
    const [row] = await db.select().from(supervisionSuggestions).where(eq(supervisionSuggestions.id, id));
    if (!row) return null;
    const s = row;
    return {
      id: s.id, committeeId: s.committeeId, title: s.title, round: Math.max(s.handlingRound, 1), open: s.status === 'handling' || s.status === 'rehandling', year: s.year,
      authorMemberIds: [...new Set([s.leaderMemberId, ...s.groupMemberIds])],
    };
  },
  async rules(db, subject) {
    return getSettings(db, supervisionSettings, subject.committeeId, subject.year);
  },
  /** every replying unit has replied: the table's allReplied transition (version-checked, audited), then the group rates */
  async onAllReplied(uow, actor, id) {
    const [{ version }] = await uow.tx.select({ version: supervisionSuggestions.version }).from(supervisionSuggestions).where(eq(supervisionSuggestions.id, id));
    await transitionWithin(uow, {
      workflow: suggestionWorkflow, table: supervisionSuggestions, id, action: 'allReplied', actor, version, label: '监督建议',
      alsoDo: async (s: Suggestion) => {
        await notifyGroup(uow.tx, s, `被监督单位已答复监督建议，请评价：${s.title}`);
        await notifyOffice(uow.tx, s, `被监督单位已答复监督建议：${s.title}`);
      },
    });
  },
};
