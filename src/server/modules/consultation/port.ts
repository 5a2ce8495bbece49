import { and, eq, ne } from 'drizzle-orm';
import { getSettings } from '../../platform/settings/settings.js';
import type { HandlingPort } from '../../platform/handling/ports.js';
import { systemActor } from '../../platform/auth/actor.js';
import { audit } from '../../platform/audit/audit.js';
import { itemLink, notifyParticipants } from './notices.js';
import { consultationRecommendations, consultations } from './schema.js';
import { consultationSettings } from './settings.js';

/**
 * How the handling primitive sees one recommendation of a consultation's outcome sent to
 * departments (协商建议落实): open while handled; when its departments have replied it is marked
 * replied, and when every recommendation of the consultation is, the consultation is done and
 * every participant is told ("委员不白说、群众不白来").
 */
/** A recommendation as worklists and its own page name it: its consultation, then its opening forty characters. */
export function itemTitle(consultationTitle: string, text: string): string {
  return `${consultationTitle}：${[...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text}`;
}

export const consultationItemPort: HandlingPort = {
  type: 'consultationItem',
  label: '协商建议',
  office: 'general',
  link: itemLink,
  async load(db, id) {
    const [r] = await db.select({ rec: consultationRecommendations, title: consultations.title }).from(consultationRecommendations).innerJoin(consultations, eq(consultations.id, consultationRecommendations.consultationId)).where(eq(consultationRecommendations.id, id));
    if (!r) return null;
    return { id, committeeId: r.rec.committeeId, title: itemTitle(r.title, r.rec.text), round: r.rec.handlingRound, open: r.rec.handlingStatus === 'handling', year: r.rec.year, authorMemberIds: [] };
  },
  async rules(db, subject) {
    return getSettings(db, consultationSettings, subject.committeeId, subject.year);
  },
  async onAllReplied(uow, actor, id) {
    const [rec] = await uow.tx.select().from(consultationRecommendations).where(eq(consultationRecommendations.id, id));
    await uow.tx.update(consultationRecommendations).set({ handlingStatus: 'replied', version: rec.version + 1, updatedAt: new Date() }).where(eq(consultationRecommendations.id, id));
    const who = actor.roles.length ? actor : systemActor(rec.committeeId);
    await audit(uow.tx, who, { action: 'consultationItem.allReplied', subjectType: 'consultationItem', subjectId: id, before: { handlingStatus: rec.handlingStatus }, after: { handlingStatus: 'replied' } });
    const [open] = await uow.tx.select({ id: consultationRecommendations.id }).from(consultationRecommendations).where(and(eq(consultationRecommendations.consultationId, rec.consultationId), ne(consultationRecommendations.handlingStatus, 'replied'))).limit(1);
    const [c] = await uow.tx.select().from(consultations).where(eq(consultations.id, rec.consultationId));
    if (!open && c.status === 'following') {
      await uow.tx.update(consultations).set({ status: 'done', version: c.version + 1, updatedAt: new Date() }).where(eq(consultations.id, c.id));
      await audit(uow.tx, who, { action: 'consultation.finish', subjectType: 'consultation', subjectId: c.id, before: { status: 'following' }, after: { status: 'done' } });
    }
    await notifyParticipants(uow.tx, c.committeeId, c.id, open ? `部门已答复协商建议：${c.title}` : `您参加的协商提出的建议已全部获部门答复：${c.title}`);
  },
};
