import { eq } from 'drizzle-orm';
import { getSettings } from '../../platform/settings/settings.js';
import { registerHandlingPort, type HandlingPort } from '../../platform/handling/ports.js';
import { systemActor } from '../../platform/auth/actor.js';
import { audit } from '../../platform/audit/audit.js';
import { notifyInfoOffice, notifyOpinionAuthors, opinionLink } from './notices.js';
import { opinions } from './schema.js';
import { opinionSettings } from './settings.js';

/**
 * How the handling primitive sees a report passed to departments (转部门办理): open while the
 * departments handle it; when every replying department has replied, the author and the
 * information office are told. The report's own state does not move: it stays adopted or waiting.
 */
export const opinionPort: HandlingPort = {
  type: 'opinion',
  label: '社情民意信息',
  office: 'info',
  link: opinionLink,
  async load(db, id) {
    const [o] = await db.select().from(opinions).where(eq(opinions.id, id));
    if (!o) return null;
    return { id: o.id, committeeId: o.committeeId, title: o.title, round: Math.max(o.handlingRound, 1), open: o.handlingStatus === 'handling', year: o.year, authorMemberIds: o.authorMemberId ? [o.authorMemberId] : [] };
  },
  async rules(db, subject) {
    return getSettings(db, opinionSettings, subject.committeeId, subject.year);
  },
  async onAllReplied(uow, actor, id) {
    const [o] = await uow.tx.select().from(opinions).where(eq(opinions.id, id));
    await uow.tx.update(opinions).set({ handlingStatus: 'replied', version: o.version + 1, updatedAt: new Date() }).where(eq(opinions.id, id));
    await audit(uow.tx, actor.roles.length ? actor : systemActor(o.committeeId), {
      action: 'opinion.allReplied', subjectType: 'opinion', subjectId: id, before: { handlingStatus: o.handlingStatus }, after: { handlingStatus: 'replied' },
    });
    uow.after(async (db) => {
      await notifyOpinionAuthors(db, o, `您反映的社情民意已获部门答复：${o.title}`);
      await notifyInfoOffice(db, o.committeeId, `部门已答复社情民意：${o.title}`, opinionLink(o.id));
    });
  },
};
registerHandlingPort(opinionPort);
