import { eq } from 'drizzle-orm';
import { getSettings } from '../../platform/settings/settings.js';
import type { HandlingPort } from '../../platform/handling/ports.js';
import { systemActor } from '../../platform/auth/actor.js';
import { audit } from '../../platform/audit/audit.js';
import { itemLink, notifyGroup } from './notices.js';
import { researchItems, researchMembers, researchTopics } from './schema.js';
import { researchSettings } from './settings.js';
import { and } from 'drizzle-orm';

/**
 * How the handling primitive sees one item of a research report sent to departments (调研建议):
 * open while handled, its deadlines from the research settings in working days; the confirmed
 * group is the proposer's side (they track it: "谁调研、谁跟踪") and is told when it is answered.
 */
export const researchItemPort: HandlingPort = {
  type: 'researchItem',
  label: '调研建议',
  office: 'general',
  link: itemLink,
  async load(db, id) {
    const [r] = await db.select({ item: researchItems, title: researchTopics.title }).from(researchItems).innerJoin(researchTopics, eq(researchTopics.id, researchItems.topicId)).where(eq(researchItems.id, id));
    if (!r) return null;
    const group = await db.select({ memberId: researchMembers.memberId }).from(researchMembers).where(and(eq(researchMembers.topicId, r.item.topicId), eq(researchMembers.state, 'confirmed')));
    const text = [...r.item.text].length > 40 ? `${[...r.item.text].slice(0, 40).join('')}…` : r.item.text;
    return { id, committeeId: r.item.committeeId, title: `${r.title}：${text}`, round: r.item.handlingRound, open: r.item.handlingStatus === 'handling', year: r.item.year, authorMemberIds: group.map((g) => g.memberId) };
  },
  async rules(db, subject) {
    return getSettings(db, researchSettings, subject.committeeId, subject.year);
  },
  async onAllReplied(uow, actor, id) {
    const [item] = await uow.tx.select().from(researchItems).where(eq(researchItems.id, id));
    await uow.tx.update(researchItems).set({ handlingStatus: 'replied', version: item.version + 1, updatedAt: new Date() }).where(eq(researchItems.id, id));
    const who = actor.roles.length ? actor : systemActor(item.committeeId);
    await audit(uow.tx, who, { action: 'researchItem.allReplied', subjectType: 'researchItem', subjectId: id, before: { handlingStatus: item.handlingStatus }, after: { handlingStatus: 'replied' } });
    const [t] = await uow.tx.select({ title: researchTopics.title }).from(researchTopics).where(eq(researchTopics.id, item.topicId));
    await notifyGroup(uow.tx, item.committeeId, item.topicId, `部门已答复调研建议：${t.title}`, item.text);
  },
};
