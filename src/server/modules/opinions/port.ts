import { eq } from 'drizzle-orm';
import { getSettings } from '../../platform/settings/settings.js';
import type { HandlingPort } from '../../platform/handling/ports.js';
import { transitionWithin } from '../../platform/workflow/apply.js';
import { opinionWorkflow, type Opinion } from './workflow.js';
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
  /** the table's allReplied transition (the report keeps its state; its handling is now replied) */
  async onAllReplied(uow, actor, id) {
    const [{ version }] = await uow.tx.select({ version: opinions.version }).from(opinions).where(eq(opinions.id, id));
    await transitionWithin(uow, {
      workflow: opinionWorkflow, table: opinions, id, action: 'allReplied', actor, version, label: '社情民意信息',
      patch: () => ({ handlingStatus: 'replied' }),
      alsoDo: async (o: Opinion) => {
        await notifyOpinionAuthors(uow.tx, o, `您反映的社情民意已获部门答复：${o.title}`);
        await notifyInfoOffice(uow.tx, o.committeeId, `部门已答复社情民意：${o.title}`, opinionLink(o.id));
      },
    });
  },
};
