import type { Actor } from '../../../platform/auth/actor.js';
import { audit } from '../../../platform/audit/audit.js';
import type { UnitOfWork } from '../../../platform/jobs/after-commit.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { chinaToday } from '../../../platform/calendar/workdays.js';
import { addRevision, nextOpinionSerial } from '../committees.js';
import { creditSubmitted } from '../ledger.js';
import { notifyInfoOffice, opinionLink } from '../notices.js';
import { opinions } from '../schema.js';
import { opinionSettings } from '../settings.js';

/**
 * What another module hands over when it turns one of its records into a report: the proposal review
 * converting a proposal (提案转社情民意信息), the research office sending a finished research report on
 * as a 直通车 report.
 */
export interface ConvertedRecord {
  /** the proposal it was converted from, or a research report (its link is kept on the research side) */
  from: { proposalId: string } | { research: true };
  committeeId: string;
  title: string;
  category: string;
  /** the parts joined, as the information office will edit them */
  body: string;
  leadMemberId: string | null;
  /** 张三 / 民盟区委 / 社会法制委员会 */
  authorText: string;
  collectiveBody: string | null;
  /** the members credited with it besides its author (a research group) */
  contributorMemberIds?: string[];
  /** 直通车: for the leaders' direct reference */
  direct?: boolean;
}

/**
 * Puts a converted record into the information office's queue as a submitted report, in the same
 * transaction as the conversion: serial, original revision, audit, and a notice after commit.
 * The text is kept whole even past the report length limit (the office edits it; nothing is lost).
 * A converted proposal earns no submission credit (the proposal's submission already did; adoption
 * still counts); a research report's group is credited with the submission as its authors.
 */
export async function opinionFromRecord(uow: UnitOfWork, { actor, record: p, now }: { actor: Actor; record: ConvertedRecord; now: Date }) {
  // a report belongs to the calendar year it reaches the office, as a written one does (not the proposal's session year)
  const today = chinaToday(now);
  const year = Number(today.slice(0, 4));
  const { categories } = await getSettings(uow.tx, opinionSettings, p.committeeId, year);
  const category = categories.includes(p.category) ? p.category : categories.includes('其他') ? '其他' : categories[0];
  const fromProposal = 'proposalId' in p.from ? p.from.proposalId : null;
  const [o] = await uow.tx
    .insert(opinions)
    .values({
      committeeId: p.committeeId, year, serial: await nextOpinionSerial(uow.tx, p.committeeId, year),
      authorType: p.leadMemberId ? 'member' : fromProposal ? 'party' : 'specialCommittee', authorMemberId: p.leadMemberId, authorBody: p.leadMemberId ? null : p.collectiveBody,
      authorText: p.authorText, createdByUserId: actor.userId, title: p.title, body: p.body, category,
      status: 'submitted', submittedAt: now, fromProposalId: fromProposal, direct: p.direct ?? false, contributorMemberIds: p.contributorMemberIds ?? [],
    })
    .returning();
  await addRevision(uow.tx, o, actor, fromProposal ? '由提案转来' : '由调研报告转来');
  await audit(uow.tx, actor, {
    action: fromProposal ? 'opinion.fromProposal' : 'opinion.fromResearch', subjectType: 'opinion', subjectId: o.id,
    after: { ...(fromProposal ? { proposalId: fromProposal } : {}), title: o.title, status: o.status, direct: o.direct },
  });
  if (!fromProposal) await creditSubmitted(uow.tx, o, today);
  const what = fromProposal ? '提案转来社情民意' : o.direct ? '调研报告转来直通车信息' : '调研报告转来社情民意';
  await notifyInfoOffice(uow.tx, p.committeeId, `${what}：${o.title}`, opinionLink(o.id), o.authorText);
  return o;
}
