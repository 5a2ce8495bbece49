import { eq } from 'drizzle-orm';
import { getSettings } from '../../platform/settings/settings.js';
import { registerHandlingPort, type HandlingPort } from '../../platform/handling/ports.js';
import { loadCalendar } from '../../platform/calendar/store.js';
import { addPeriod, chinaToday } from '../../platform/calendar/workdays.js';
import { proposals } from './schema.js';
import { proposalSettings } from './settings.js';
import { proposalWorkflow } from './workflow.js';
import { systemActor } from '../../platform/auth/actor.js';
import { audit } from '../../platform/audit/audit.js';
import { notifyAuthors } from './notices.js';

/** How the handling primitive sees a proposal. */
export const proposalPort: HandlingPort = {
  type: 'proposal',
  label: '提案',
  office: 'proposal',
  link: (id) => `/proposals/${id}`,
  async load(db, id) {
    const [p] = await db.select().from(proposals).where(eq(proposals.id, id));
    if (!p) return null;
    return { id: p.id, committeeId: p.committeeId, title: p.title, round: Math.max(p.handlingRound, 1), open: p.status === 'handling' || p.status === 'rehandling', year: p.year, authorMemberIds: p.leadMemberId ? [p.leadMemberId] : [] };
  },
  async rules(db, subject) {
    return getSettings(db, proposalSettings, subject.committeeId, subject.year);
  },
  /** every replying unit has replied: the proposer is asked to rate within the rating period */
  async onAllReplied(uow, actor, id) {
    const [p] = await uow.tx.select().from(proposals).where(eq(proposals.id, id));
    const settings = await getSettings(uow.tx, proposalSettings, p.committeeId, p.year);
    const today = chinaToday();
    const rateDeadline = addPeriod(await loadCalendar(uow.tx), today, settings.ratePeriod);
    const transition = proposalWorkflow.transitions.find((t) => t.action === 'allReplied')!;
    await uow.tx.update(proposals).set({ status: transition.to as string, rateDeadline, rateRemindedAt: null, version: p.version + 1, updatedAt: new Date() }).where(eq(proposals.id, id));
    await audit(uow.tx, actor.roles.length ? actor : systemActor(p.committeeId), { action: 'proposal.allReplied', subjectType: 'proposal', subjectId: id, before: { status: p.status }, after: { status: 'replied', rateDeadline } });
    uow.after((db) => notifyAuthors(db, p, `提案已答复，请在${rateDeadline}前评价：${p.title}`));
  },
};
registerHandlingPort(proposalPort);
