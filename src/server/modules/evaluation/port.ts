import { eq } from 'drizzle-orm';
import type { HandlingPort } from '../../platform/handling/ports.js';
import { systemActor } from '../../platform/auth/actor.js';
import { getSettings } from '../../platform/settings/settings.js';
import { transitionWithin } from '../../platform/workflow/apply.js';
import { findingLink, notifyOffice } from './notices.js';
import { evaluationCampaigns, evaluationFindings } from './schema.js';
import { evaluationSettings } from './settings.js';
import { findingWorkflow } from './workflow.js';

/** What the worklist and notices call an item: its campaign and the start of its text. */
export const findingTitle = (campaignTitle: string, text: string) => `${campaignTitle}：${[...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text}`;

/**
 * How the handling primitive sees a rectification item (整改事项) sent to its department: open
 * while the department handles it (first or second round); no member is on the "proposer's side".
 * When the department has replied, the item waits for the office's look-back (回头看).
 */
export const findingPort: HandlingPort = {
  type: 'evaluationFinding',
  label: '民主评议整改事项',
  office: 'general',
  link: findingLink,
  async load(db, id) {
    const [r] = await db.select({ f: evaluationFindings, title: evaluationCampaigns.title }).from(evaluationFindings).innerJoin(evaluationCampaigns, eq(evaluationCampaigns.id, evaluationFindings.campaignId)).where(eq(evaluationFindings.id, id));
    if (!r) return null;
    return { id, committeeId: r.f.committeeId, title: findingTitle(r.title, r.f.text), round: r.f.handlingRound, open: r.f.status === 'handling' || r.f.status === 'rehandling', year: r.f.year, authorMemberIds: [] };
  },
  async rules(db, subject) {
    return getSettings(db, evaluationSettings, subject.committeeId, subject.year);
  },
  /** the department has replied: the table's allReplied (version-checked, audited), then the office rechecks */
  async onAllReplied(uow, actor, id) {
    const [{ version, committeeId }] = await uow.tx.select({ version: evaluationFindings.version, committeeId: evaluationFindings.committeeId }).from(evaluationFindings).where(eq(evaluationFindings.id, id));
    await transitionWithin(uow, {
      workflow: findingWorkflow, table: evaluationFindings, id, action: 'allReplied', actor: actor.roles.length ? actor : systemActor(committeeId), version, label: '整改事项',
      alsoDo: async (f) => notifyOffice(uow.tx, f.committeeId, `评议部门已反馈整改情况，请开展回头看：${f.text.slice(0, 30)}`, findingLink(f.id)),
    });
  },
};
