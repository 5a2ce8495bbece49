import { randomUUID } from 'node:crypto';
import { addPeriod, addWorkdays, type WorkCalendar } from '../../platform/calendar/workdays.js';
import { proposalSettings } from '../../modules/proposals/settings.js';
import { apportion } from './plan.js';
import type { BulkWriter } from './bulk.js';
import type { CommitteeContext, Person } from './organisation.js';
import type { RealTexts } from './texts.js';
import { addDays, atTime } from './time.js';

const settings = proposalSettings.defaults;
const replyBody: Record<string, (title: string, unit: string) => string> = {
  A: (t, u) => `您提出的《${t}》收悉。${u}高度重视，经认真研究，所提建议已基本采纳，相关措施已纳入年度重点工作并落实到位。`,
  B: (t, u) => `您提出的《${t}》收悉。${u}经研究认为所提建议切实可行，已列入工作计划，正在会同有关部门分步实施。`,
  C: (t, u) => `您提出的《${t}》收悉。所提建议很有价值，但受资金和用地条件限制，目前尚难全面实施，${u}将在条件具备时优先安排。`,
  D: (t, u) => `您提出的《${t}》收悉。所提建议对${u}今后的工作具有参考价值，我们将在制定相关政策时统筹研究。`,
};
const pickClass = (r: () => number) => (r() < 0.45 ? 'A' : r() < 0.75 ? 'B' : r() < 0.88 ? 'C' : 'D');

export const ledgerColumns = ['committee_id', 'member_id', 'kind', 'part', 'day', 'source_type', 'source_id', 'occasion_id', 'note', 'created_at'];
const assignmentColumns = ['id', 'committee_id', 'version', 'created_at', 'updated_at', 'subject_type', 'subject_id', 'unit_id', 'role', 'round', 'status', 'assigned_on', 'objection_deadline', 'reply_deadline', 'signed_at', 'opinion', 'opinion_at'];
const replyColumns = ['id', 'committee_id', 'version', 'created_at', 'updated_at', 'subject_type', 'subject_id', 'unit_id', 'round', 'status', 'answer_class', 'body', 'contact_person', 'contact_phone', 'signed_by', 'signed_at', 'sent_at', 'disclose'];
const proposalColumns = [
  'id', 'committee_id', 'version', 'created_at', 'updated_at', 'session_id', 'year', 'kind', 'author_type', 'lead_member_id', 'collective_body', 'created_by_user_id',
  'proposer_text', 'title', 'background', 'analysis', 'suggestions', 'category', 'status', 'review_steps', 'serial', 'number', 'number_text', 'submitted_at', 'decided_at',
  'decision_reason', 'reject_reason_code', 'converted_to', 'merged_into_id', 'is_key', 'key_leader_user_id', 'key_leader_name', 'handling_round', 'rate_deadline',
];

interface Made {
  id: string;
  created: Date;
  submitted: Date | null;
  decided: Date | null;
  updated: Date;
  row: Record<string, unknown>;
  authors: { member: Person; part: 'lead' | 'contributor' }[];
  filedDay: string | null;
  mergedInto: Made | null;
  after: (m: Made) => Promise<void>;
}

/**
 * A committee's proposals of every session, each taken as far through its life as the time since
 * submission allows: review (7–35 days), a decision (filed, merged, not filed, converted, returned),
 * assignment to units, signing, replies with answer classes, the proposer's rating and, after a
 * 不满意, a second round. Serials and filing numbers follow submission and filing order, deadlines
 * come from the working-day calendar and the default periods, and every step leaves the ledger
 * entries and audit rows the commands would have written.
 */
export async function writeProposals(w: BulkWriter, ctx: CommitteeContext, texts: RealTexts, cal: WorkCalendar, r: () => number, today: string) {
  const years = [...ctx.sessions.keys()];
  const perYear = apportion(ctx.plan.proposals, years.map((_, i) => 1 + i * 0.05));
  const last = years.at(-1)!;
  const ledger = (memberId: string, kind: string, part: string, day: string, sourceId: string, at: Date) =>
    w.add('ledger_entries', ledgerColumns, [ctx.id, memberId, kind, part, day, 'proposal', sourceId, null, null, at]);
  // every audited change bumps the record's version, as applyTransition does
  const versions = new Map<string, number>();
  const audit = (at: Date, who: { userId: string; name: string }, action: string, subjectId: string, after: Record<string, unknown> | null, note: string | null = null) => {
    versions.set(subjectId, (versions.get(subjectId) ?? 0) + 1);
    ctx.audit.push({ at, actorId: who.userId, actorName: who.name, action, subjectType: 'proposal', subjectId, before: null, after, note });
  };
  const staff = ctx.staff.proposal;

  for (const [yi, year] of years.entries()) {
    const s = ctx.sessions.get(year)!;
    const made: Made[] = [];
    const mergeTarget = (m: Made) => made.find((p) => p !== m && p.row.category === m.row.category && p.filedDay && !p.mergedInto);
    for (let i = 0; i < perYear[yi]; i++) {
      // 大会提案 in the session's window, 平时提案 in the year before it (and, for the newest session, after it)
      const inWindow = r() < 0.75;
      const [from, to] = inWindow ? [s.opensOn, s.closesOn] : year === last && r() < 0.5 ? [addDays(s.closesOn, 1), today] : [`${year - 1}-01-13`, addDays(s.opensOn, -1)];
      const span = Math.max(0, Date.parse(to < today ? to : today) - Date.parse(from)) / 86_400_000;
      const day = addDays(from, Math.floor(r() * (span + 1)));
      if (day > today) continue;
      const text = texts.proposal(r, Math.floor(r() * texts.topicCount));
      const authorRoll = r();
      const collective = authorRoll < 0.08;
      const lead = collective ? null : ctx.members[Math.floor(r() * ctx.members.length)];
      const cosigners: Person[] = [];
      if (!collective && authorRoll < 0.35) {
        const n = 1 + Math.floor(r() * 4);
        for (let k = 0; k < n; k++) {
          const m = ctx.members[Math.floor(r() * ctx.members.length)];
          if (m !== lead && !cosigners.includes(m)) cosigners.push(m);
        }
      }
      const authorType = collective ? 'collective' : cosigners.length ? 'joint' : 'individual';
      const body = collective ? (r() < 0.5 ? ctx.parties : ctx.specialCommittees)[Math.floor(r() * 3)] : null;
      const creator = collective ? staff : { userId: lead!.userId, name: lead!.name };
      const id = randomUUID();
      const created = atTime(addDays(day, -Math.floor(r() * 3)), r);
      const submitted = atTime(day, r);
      const row: Record<string, unknown> = {
        id, committee_id: ctx.id, session_id: s.id, year, kind: inWindow ? 'session' : 'ordinary', author_type: authorType, lead_member_id: lead?.id ?? null,
        collective_body: body, created_by_user_id: creator.userId, proposer_text: body ?? lead!.name, ...text, status: 'draft', review_steps: settings.reviewSteps,
        is_key: false, handling_round: 0,
      };
      const authors = [...(lead ? [{ member: lead, part: 'lead' as const }] : []), ...cosigners.map((member) => ({ member, part: 'contributor' as const }))];
      const m: Made = { id, created, submitted: null, decided: null, updated: created, row, authors, filedDay: null, mergedInto: null, after: async () => {} };
      made.push(m);
      audit(created, creator, 'proposal.create', id, { title: text.title, status: 'draft' });
      for (const [k, c] of cosigners.entries()) await w.add('proposal_cosigners', ['proposal_id', 'member_id', 'committee_id', 'status', 'position', 'responded_at'], [id, c.id, ctx.id, 'confirmed', k + 1, created]);
      // a few drafts of the newest session are still being written
      if (year === last && r() < 0.01) continue;
      m.submitted = m.updated = submitted;
      row.submitted_at = submitted;
      row.status = 'submitted';
      audit(submitted, creator, 'proposal.submit', id, { status: 'submitted' });
      for (const a of authors) await ledger(a.member.id, a.part === 'lead' ? 'proposal.submitted' : 'proposal.cosigned', a.part, day, id, submitted);
      const decideDay = addDays(day, 7 + Math.floor(r() * 28));
      const outcome = r();
      if (outcome < 0.005) {
        row.status = 'withdrawn';
        m.updated = atTime(addDays(day, 1 + Math.floor(r() * 5)), r);
        audit(m.updated, creator, 'proposal.withdraw', id, { status: 'withdrawn' });
        continue;
      }
      if (decideDay > today) {
        // still in review: 待预审, 待复审 or 待审定 by how far the review has gone
        const stage = Math.floor(r() * 3);
        row.status = ['submitted', 'reviewing', 'deciding'][stage];
        for (let k = 0; k < stage; k++) {
          m.updated = atTime(addDays(day, k + 1), r);
          audit(m.updated, staff, k === 0 ? 'proposal.preReview' : 'proposal.reReview', id, { status: k === 0 ? 'reviewing' : 'deciding' });
        }
        continue;
      }
      const decided = atTime(decideDay, r);
      m.decided = m.updated = decided;
      row.decided_at = decided;
      audit(atTime(addDays(day, 2), r), staff, 'proposal.preReview', id, { status: 'reviewing' });
      audit(atTime(addDays(day, 4), r), staff, 'proposal.reReview', id, { status: 'deciding' });
      if (outcome < 0.045) {
        const reason = settings.rejectReasons[outcome < 0.03 ? 9 : 5];
        Object.assign(row, { status: 'rejected', reject_reason_code: reason.code, decision_reason: reason.text });
        audit(decided, staff, 'proposal.reject', id, { status: 'rejected' }, reason.text);
      } else if (outcome < 0.09) {
        Object.assign(row, { status: 'converted', converted_to: 'suggestion', decision_reason: '属具体工作建议，转有关部门参考办理' });
        audit(decided, staff, 'proposal.convert', id, { status: 'converted' }, row.decision_reason as string);
      } else if (outcome < 0.13 && mergeTarget(m)) {
        // 并案 into an earlier filed proposal of the session on the same category
        const primary = mergeTarget(m)!;
        Object.assign(row, { status: 'merged', merged_into_id: primary.id, decision_reason: '反映同一问题，并案办理' });
        m.mergedInto = primary;
        audit(decided, staff, 'proposal.merge', id, { status: 'merged' }, '反映同一问题，并案办理');
        for (const a of authors) await ledger(a.member.id, 'proposal.filed', a.part, primary.filedDay!, id, decided);
      } else if (outcome < 0.15 && year === last) {
        Object.assign(row, { status: 'returned', decision_reason: '请补充相关数据，并将建议具体到可操作的措施' });
        audit(decided, staff, 'proposal.return', id, { status: 'returned' }, row.decision_reason as string);
      } else {
        m.filedDay = decideDay;
        row.status = 'filed';
        for (const a of authors) await ledger(a.member.id, 'proposal.filed', a.part, decideDay, id, decided);
        if (r() < 0.03 && ctx.leader) {
          Object.assign(row, { is_key: true, key_leader_user_id: ctx.leader.userId, key_leader_name: ctx.leader.name });
          for (const a of authors) await ledger(a.member.id, 'proposal.key', a.part, decideDay, id, decided);
        }
        m.after = (p) => handle(p, decideDay);
      }
    }

    // serials by submission, filing numbers by filing order — as the commands hand them out
    let serial = 0;
    for (const m of [...made].filter((x) => x.submitted).sort((a, b) => a.submitted!.getTime() - b.submitted!.getTime())) m.row.serial = ++serial;
    let number = 0;
    for (const m of [...made].filter((x) => x.filedDay).sort((a, b) => a.decided!.getTime() - b.decided!.getTime())) {
      m.row.number = ++number;
      m.row.number_text = `${s.name} 第${String(number).padStart(4, '0')}号`;
      audit(m.decided!, staff, 'proposal.file', m.id, { status: 'filed', number: m.row.number });
    }
    for (const m of made) {
      await m.after(m);
      await w.add('proposals', proposalColumns, proposalColumns.map((c) => (c === 'created_at' ? m.created : c === 'updated_at' ? m.updated : c === 'version' ? versions.get(m.id) ?? 1 : m.row[c] ?? null)));
    }
  }

  /** 交办 → 签收 → 答复 → 评价 (→ 二次办理), as far as today. */
  async function handle(m: Made, filedDay: string) {
    const row = m.row;
    const assignDay = addDays(filedDay, 3 + Math.floor(r() * 12));
    if (assignDay > today) return;
    const pickUnits = (n: number) => {
      const out: typeof ctx.units = [];
      while (out.length < n) {
        const u = ctx.units[Math.floor(r() * ctx.units.length)];
        if (!out.includes(u)) out.push(u);
      }
      return out;
    };
    const shape = r();
    const plan: { unit: (typeof ctx.units)[number]; role: string }[] =
      shape < 0.7 ? [{ unit: pickUnits(1)[0], role: 'sole' }]
        : shape < 0.9 ? pickUnits(2 + (shape < 0.8 ? 0 : 1)).map((unit, i) => ({ unit, role: i === 0 ? 'lead' : 'assisting' }))
          : pickUnits(2).map((unit) => ({ unit, role: 'split' }));
    row.status = 'handling';
    row.handling_round = 1;
    m.updated = atTime(assignDay, r);
    audit(m.updated, staff, 'proposal.assign', m.id, { status: 'handling' });
    const replied = await round(m, plan, 1, assignDay);
    if (!replied) return;
    row.status = 'replied';
    row.rate_deadline = addWorkdays(cal, replied, 15);
    m.updated = atTime(replied, r);
    audit(m.updated, plan[0].unit.userId ? { userId: plan[0].unit.userId, name: plan[0].unit.name } : staff, 'proposal.allReplied', m.id, { status: 'replied' });
    const lead = m.authors.find((a) => a.part === 'lead')?.member;
    const rateDay = addDays(replied, 2 + Math.floor(r() * 18));
    if (!lead) {
      // a collective proposal: the office closes it once the rating period has run out
      const closeDay = addDays(row.rate_deadline as string, 1 + Math.floor(r() * 5));
      if (closeDay > today) return;
      Object.assign(row, { status: 'closed', rate_deadline: null });
      m.updated = atTime(closeDay, r);
      audit(m.updated, staff, 'proposal.close', m.id, { status: 'closed' });
      return;
    }
    if (rateDay > today) return;
    const roll = r();
    const rating = roll < 0.82 ? ['satisfied', 'satisfied'] : roll < 0.95 ? ['basically', 'satisfied'] : ['basically', 'unsatisfied'];
    const ratedAt = atTime(rateDay, r);
    await w.add('handling_ratings', ['committee_id', 'subject_type', 'subject_id', 'round', 'member_id', 'attitude', 'result', 'comment', 'created_at'], [ctx.id, 'proposal', m.id, 1, lead.id, rating[0], rating[1], rating[1] === 'unsatisfied' ? '所提问题仍未解决，希望拿出具体时间表' : null, ratedAt]);
    m.updated = ratedAt;
    if (rating[1] !== 'unsatisfied') {
      Object.assign(row, { status: 'closed', rate_deadline: null });
      audit(ratedAt, { userId: lead.userId, name: lead.name }, 'proposal.rateSatisfied', m.id, { status: 'closed' });
      return;
    }
    Object.assign(row, { status: 'rehandling', handling_round: 2, rate_deadline: null });
    audit(ratedAt, { userId: lead.userId, name: lead.name }, 'proposal.rateUnsatisfied', m.id, { status: 'rehandling' }, '所提问题仍未解决，希望拿出具体时间表');
    const again = plan.filter((p) => p.role !== 'assisting');
    const second = await round(m, again.length === 1 ? [{ ...again[0], role: 'sole' }] : again, 2, rateDay);
    if (!second) return;
    Object.assign(row, { status: 'replied', rate_deadline: addWorkdays(cal, second, 15) });
    m.updated = atTime(second, r);
    audit(m.updated, staff, 'proposal.allReplied', m.id, { status: 'replied' });
    const rate2 = addDays(second, 2 + Math.floor(r() * 18));
    if (rate2 > today) return;
    await w.add('handling_ratings', ['committee_id', 'subject_type', 'subject_id', 'round', 'member_id', 'attitude', 'result', 'comment', 'created_at'], [ctx.id, 'proposal', m.id, 2, lead.id, 'satisfied', 'basically', null, atTime(rate2, r)]);
    Object.assign(row, { status: 'closed', rate_deadline: null });
    m.updated = atTime(rate2, r);
    audit(m.updated, { userId: lead.userId, name: lead.name }, 'proposal.rateSatisfied', m.id, { status: 'closed' });
  }

  /** One round of handling: assignments, signing, assisting views and replies; the day all replies were sent, or null while some are due. */
  async function round(m: Made, plan: { unit: (typeof ctx.units)[number]; role: string }[], n: number, assignDay: string): Promise<string | null> {
    const replyDeadline = addPeriod(cal, assignDay, n > 1 ? settings.rehandlePeriod : settings.replyPeriod);
    const objectionDeadline = addPeriod(cal, assignDay, settings.objectionPeriod);
    let allDone: string | null = assignDay;
    for (const p of plan) {
      const signDay = addDays(assignDay, 1 + Math.floor(r() * 4));
      const doneDay = addDays(signDay, 15 + Math.floor(r() * 70));
      const signed = signDay <= today ? atTime(signDay, r) : null;
      const done = doneDay <= today;
      const assisting = p.role === 'assisting';
      const at = atTime(assignDay, r);
      await w.add('handling_assignments', assignmentColumns, [
        randomUUID(), ctx.id, done ? 3 : signed ? 2 : 1, at, done ? atTime(doneDay, r) : signed ?? at, 'proposal', m.id, p.unit.id, p.role, n,
        done ? 'done' : signed ? 'signed' : 'assigned', assignDay, objectionDeadline, replyDeadline, signed,
        assisting && done ? '我单位赞同所提建议，已将相关意见函告主办单位。' : null, assisting && done ? atTime(doneDay, r) : null,
      ]);
      if (assisting) continue;
      if (!done) {
        allDone = null;
        continue;
      }
      const answer = pickClass(r);
      const sent = atTime(doneDay, r);
      await w.add('handling_replies', replyColumns, [
        randomUUID(), ctx.id, 3, atTime(addDays(doneDay, -3), r), sent, 'proposal', m.id, p.unit.id, n, 'sent', answer, replyBody[answer](String(m.row.title), p.unit.name),
        '办理联系人', `0${20 + Math.floor(r() * 700)}-${String(Math.floor(r() * 1e7)).padStart(8, '2')}`, `${p.unit.name}主要负责人`, sent, sent, true,
      ]);
      if (allDone !== null && doneDay > allDone) allDone = doneDay;
    }
    return allDone;
  }
}
