import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { jsonRows } from '../../../db/json-rows.js';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { handlingRoles, ratingLabels, type HandlingRole, type RatingValue } from '../../../platform/handling/plan.js';
import { promiseState } from '../../../platform/handling/promises.js';
import { promiseOutcomes, promiseStates, type PromiseOutcome } from '../../../../shared/handling/labels.js';
import { assignments, ratings, replies } from '../../../platform/handling/schema.js';
import { liveAssignment } from '../../../platform/handling/scope.js';
import { can } from '../../../platform/policy/policy.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { loadLookups } from '../../org/lookups.js';
import { partyColumns, subjectFrom, withParties } from '../load.js';
import { proposalPolicy, type ProposalSubject } from '../policy.js';
import { proposals } from '../schema.js';
import { proposalSettings } from '../settings.js';
import { proposalStates, type ProposalState } from '../workflow.js';

/** How far a proposal got: the stage names the panel groups and colours by. */
export type OutcomeStage = 'review' | 'returned' | 'notFiled' | 'converted' | 'merged' | 'filed' | 'handling' | 'replied' | 'closed' | 'history';

/**
 * 办理结果: what happened to a proposal — filed or not (and why), merged into what, the units that
 * handled it, each reply's class with what it said, the proposer's ratings, a second round, and
 * where the reply can be read.
 */
export interface Outcome {
  stage: OutcomeStage;
  /** one line: 已办结 · 区教育局单办 · A类 · 提案人满意 */
  summary: string;
  /** why it was not filed, converted or returned (the decision's reason) */
  reason: string | null;
  convertedTo: string | null;
  mergedInto: { id: string; title: string; numberText: string | null } | null;
  /** how many proposals were merged into this one (并案) */
  mergedCount: number;
  units: { name: string; role: string; roleLabel: string; round: number }[];
  replies: { unitName: string; round: number; answerClass: string; answerLabel: string; excerpt: string; sentAt: Date | null; promise: OutcomePromise | null }[];
  ratings: { round: number; attitude: string; attitudeLabel: string; result: string; resultLabel: string; comment: string | null }[];
  secondRound: boolean;
  /** the published reply on the portal, or the replies on the proposal's page */
  link: { href: string; label: string } | null;
}

/** 承诺 of a reply (列入计划): what, by when, and whether it was kept (or not yet due, or due and unrecorded). */
export interface OutcomePromise {
  text: string;
  by: string;
  /** a key of promiseOutcomes, once recorded */
  outcome: PromiseOutcome | null;
  /** 已兑现 / 部分兑现 / 未兑现, or 未到期 / 到期待登记 */
  statusLabel: string;
  note: string | null;
}

const promiseOf = (r: Pick<typeof replies.$inferSelect, 'promise' | 'promisedBy' | 'promiseOutcome' | 'promiseNote'>, today: string): OutcomePromise | null =>
  r.promise && r.promisedBy
    ? {
        text: r.promise, by: r.promisedBy, outcome: (r.promiseOutcome as PromiseOutcome | null) ?? null, note: r.promiseNote,
        statusLabel: r.promiseOutcome ? promiseOutcomes[r.promiseOutcome as PromiseOutcome] ?? r.promiseOutcome : promiseStates[promiseState(r, today)],
      }
    : null;

const stageOf = (status: string, historical: boolean): OutcomeStage => {
  if (historical) return 'history';
  switch (status as ProposalState) {
    case 'submitted':
    case 'reviewing':
    case 'deciding':
      return 'review';
    case 'rejected':
      return 'notFiled';
    case 'rehandling':
      return 'handling';
    case 'returned':
    case 'converted':
    case 'merged':
    case 'filed':
    case 'handling':
    case 'replied':
    case 'closed':
      return status as OutcomeStage;
    default:
      return 'review';
  }
};

/** The first sentences of a reply, enough to see what was answered or promised. */
export const excerpt = (body: string, max = 120) => {
  const chars = [...body.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}……`;
};

/**
 * The outcomes of the proposals `ids` the actor may read (the proposal read policy decides; the
 * others are left out, as if not found). Replies are the sent ones, as on the proposal's page.
 */
export async function outcomesOf(db: Executor, actor: Actor, ids: string[], today: string): Promise<Map<string, Outcome>> {
  return (await readOutcomes(db, actor, ids, today)).outcomes;
}

/** What an outcome reads of a proposal's handling, as JSON columns of its row (db/json-rows.ts). */
const handlingLists = () => {
  const ofProposal = <T extends typeof assignments | typeof replies | typeof ratings>(t: T) => and(eq(t.subjectType, 'proposal'), eq(t.subjectId, proposals.id));
  return {
    // oldest first: a second round's units come after the first's
    live: jsonRows({ unitId: assignments.unitId, role: assignments.role, round: assignments.round }, assignments, and(ofProposal(assignments), liveAssignment), asc(assignments.createdAt)),
    sent: jsonRows(
      { unitId: replies.unitId, round: replies.round, answerClass: replies.answerClass, body: replies.body, sentAt: replies.sentAt, promise: replies.promise, promisedBy: replies.promisedBy, promiseOutcome: replies.promiseOutcome, promiseNote: replies.promiseNote },
      replies, and(ofProposal(replies), eq(replies.status, 'sent')), sql`${replies.round}, ${replies.sentAt}`,
    ),
    rated: jsonRows({ round: ratings.round, attitude: ratings.attitude, result: ratings.result, comment: ratings.comment }, ratings, ofProposal(ratings), asc(ratings.round)),
    // eq() names the outer row's table (a bare column in a select's field would be the inner one's)
    merged: sql<number>`(select count(*) from ${proposals} as merged where ${eq(sql`merged.merged_into_id`, proposals.id)})`.mapWith(Number),
  };
};

/**
 * The same, with the readable proposals' rows they were read from (a caller that lists them needs no
 * second read). One statement reads the proposals with their parties and handling; a second only when
 * one was merged into another.
 */
export async function readOutcomes(db: Executor, actor: Actor, ids: string[], today: string): Promise<{ outcomes: Map<string, Outcome>; rows: Map<string, ProposalSubject> }> {
  const out = new Map<string, Outcome>();
  const parts = partyColumns(proposals.id);
  const lists = handlingLists();
  const found = ids.length
    ? await db
        .select({ row: proposals, cosigning: parts.cosigning.sql, units: parts.units.sql, live: lists.live.sql, sent: lists.sent.sql, rated: lists.rated.sql, merged: lists.merged })
        .from(proposals)
        .where(and(eq(proposals.committeeId, actor.committeeId), inArray(proposals.id, ids)))
    : [];
  // only what the actor may read: the others are dropped here, their handling (read with them) never shown
  const readable = found.map((f) => ({ ...f, subject: subjectFrom(f.row, parts, f) })).filter((f) => can(proposalPolicy, 'read', actor, f.subject));
  const result = { outcomes: out, rows: new Map(readable.map((f) => [f.subject.id, f.subject])) };
  if (!readable.length) return result;
  const intoIds = readable.flatMap((f) => (f.row.mergedIntoId ? [f.row.mergedIntoId] : []));
  const [into, lookups, settings] = await Promise.all([
    intoIds.length ? withParties(db, await db.select().from(proposals).where(inArray(proposals.id, intoIds))) : Promise.resolve([]),
    loadLookups(db, actor.committeeId),
    getSettings(db, proposalSettings, actor.committeeId, Number(today.slice(0, 4))),
  ]);
  const unitName = (id: string) => lookups.units.byId.get(id) ?? '';
  const answerLabel = (code: string) => settings.answerClasses.find((c) => c.code === code)?.label ?? code;
  for (const f of readable) {
    const p = f.subject;
    const stage = stageOf(p.status, p.historical);
    const units = lists.live.decode(f.live).map((a) => ({ name: unitName(a.unitId), role: a.role, roleLabel: handlingRoles[a.role as HandlingRole] ?? a.role, round: a.round }));
    const rs = lists.sent.decode(f.sent).map((r) => ({ unitName: unitName(r.unitId), round: r.round, answerClass: r.answerClass, answerLabel: answerLabel(r.answerClass), excerpt: excerpt(r.body), sentAt: r.sentAt, promise: promiseOf(r, today) }));
    const rt = lists.rated.decode(f.rated).map((r) => ({
      round: r.round, attitude: r.attitude, attitudeLabel: ratingLabels[r.attitude as RatingValue] ?? r.attitude, result: r.result, resultLabel: ratingLabels[r.result as RatingValue] ?? r.result, comment: r.comment,
    }));
    const target = into.find((x) => x.id === p.mergedIntoId && can(proposalPolicy, 'read', actor, x));
    const published = p.publishedAt !== null;
    const link = published ? { href: `/portal/proposals/${p.id}`, label: '查看公开的答复' } : rs.length ? { href: `/proposals/${p.id}`, label: '查看答复' } : null;
    const lastRating = rt.at(-1);
    const firstRound = units.filter((u) => u.round === 1);
    const summary = [
      proposalStates[p.status as ProposalState] ?? p.status,
      firstRound.map((u) => `${u.name}${u.roleLabel}`).join('、'),
      [...new Set(rs.filter((r) => r.round === Math.max(1, p.handlingRound)).map((r) => `${r.answerClass}类`))].join('、'),
      lastRating && `提案人${lastRating.resultLabel}`,
      ...rs.filter((r) => r.promise?.outcome).map((r) => `承诺${r.promise!.statusLabel}`),
      p.handlingRound >= 2 && '经二次办理',
    ].filter(Boolean).join(' · ');
    out.set(p.id, {
      stage, summary,
      reason: ['rejected', 'converted', 'returned', 'merged'].includes(p.status) ? p.decisionReason : null,
      convertedTo: p.convertedTo,
      mergedInto: target ? { id: target.id, title: target.title, numberText: target.numberText } : null,
      mergedCount: f.merged,
      units, replies: rs, ratings: rt, secondRound: p.handlingRound >= 2, link,
    });
  }
  return result;
}
