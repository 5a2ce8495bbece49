import type { Actor } from '../../../platform/auth/actor.js';
import { audit } from '../../../platform/audit/audit.js';
import type { UnitOfWork } from '../../../platform/jobs/after-commit.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { chinaToday } from '../../../platform/calendar/workdays.js';
import { addRevision, nextOpinionSerial } from '../committees.js';
import { notifyInfoOffice, opinionLink } from '../notices.js';
import { opinions } from '../schema.js';
import { opinionSettings } from '../settings.js';

/** What the proposal review hands over when it converts a proposal (提案转社情民意信息). */
export interface ConvertedProposal {
  id: string;
  committeeId: string;
  title: string;
  category: string;
  /** the three parts joined, as the information office will edit them */
  body: string;
  leadMemberId: string | null;
  /** 张三 / 民盟区委 */
  authorText: string;
  collectiveBody: string | null;
}

/**
 * Puts a converted proposal into the information office's queue as a submitted report, in the
 * same transaction as the conversion: serial, original revision, audit, and a notice after commit.
 * The text is kept whole even past the report length limit (the office edits it; nothing is lost).
 * It earns no submission credit: the proposal's submission already did; adoption still counts.
 */
export async function opinionFromProposal(uow: UnitOfWork, actor: Actor, p: ConvertedProposal, now: Date) {
  // a report belongs to the calendar year it reaches the office, as a written one does (not the proposal's session year)
  const year = Number(chinaToday(now).slice(0, 4));
  const { categories } = await getSettings(uow.tx, opinionSettings, p.committeeId, year);
  const category = categories.includes(p.category) ? p.category : categories.includes('其他') ? '其他' : categories[0];
  const [o] = await uow.tx
    .insert(opinions)
    .values({
      committeeId: p.committeeId, year, serial: await nextOpinionSerial(uow.tx, p.committeeId, year),
      authorType: p.leadMemberId ? 'member' : 'party', authorMemberId: p.leadMemberId, authorBody: p.leadMemberId ? null : p.collectiveBody,
      authorText: p.authorText, createdByUserId: actor.userId, title: p.title, body: p.body, category,
      status: 'submitted', submittedAt: now, fromProposalId: p.id,
    })
    .returning();
  await addRevision(uow.tx, o, actor, '由提案转来');
  await audit(uow.tx, actor, { action: 'opinion.fromProposal', subjectType: 'opinion', subjectId: o.id, after: { proposalId: p.id, title: o.title, status: o.status } });
  await notifyInfoOffice(uow.tx, p.committeeId, `提案转来社情民意：${o.title}`, opinionLink(o.id), o.authorText);
  return o;
}
