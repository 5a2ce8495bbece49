import { eq } from 'drizzle-orm';
import { getSettings } from '../../platform/settings/settings.js';
import type { HandlingPort } from '../../platform/handling/ports.js';
import { loadCalendar } from '../../platform/calendar/store.js';
import { addPeriod } from '../../platform/calendar/workdays.js';
import { transitionWithin } from '../../platform/workflow/apply.js';
import { guardContextOf } from './load.js';
import { proposals } from './schema.js';
import { proposalSettings } from './settings.js';
import { proposalWorkflow, type Proposal } from './workflow.js';
import { notifyAuthors } from './notices.js';

/** Units act on a proposal's assignments while it is being handled (a first or second round). */
export const handlingOpen = (p: Pick<Proposal, 'status'>) => p.status === 'handling' || p.status === 'rehandling';

/** How the handling primitive sees a proposal. */
export const proposalPort: HandlingPort = {
  type: 'proposal',
  label: '提案',
  office: 'proposal',
  link: (id) => `/proposals/${id}`,
  async load(db, id) {
    const [p] = await db.select().from(proposals).where(eq(proposals.id, id));
    if (!p) return null;
    return { id: p.id, committeeId: p.committeeId, title: p.title, round: Math.max(p.handlingRound, 1), open: handlingOpen(p), year: p.year, authorMemberIds: p.leadMemberId ? [p.leadMemberId] : [] };
  },
  async rules(db, subject) {
    return getSettings(db, proposalSettings, subject.committeeId, subject.year);
  },
  /**
   * every replying unit has replied: the table's allReplied transition (version-checked, audited),
   * and the proposer is asked to rate within the rating period counted from the app's today
   */
  async onAllReplied(uow, actor, id, today) {
    const [{ version }] = await uow.tx.select({ version: proposals.version }).from(proposals).where(eq(proposals.id, id));
    await transitionWithin(uow, {
      workflow: proposalWorkflow, table: proposals, id, action: 'allReplied', actor, version, label: '提案', context: guardContextOf(today),
      patch: async (p: Proposal) => {
        const { ratePeriod } = await getSettings(uow.tx, proposalSettings, p.committeeId, p.year);
        return { rateDeadline: addPeriod(await loadCalendar(uow.tx), today, ratePeriod), rateRemindedAt: null };
      },
      alsoDo: (p: Proposal) => notifyAuthors(uow.tx, p, `提案已答复，请在${p.rateDeadline}前评价：${p.title}`),
    });
  },
};
