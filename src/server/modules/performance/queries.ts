import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { members } from '../members/schema.js';
import { positionLabels, type Position } from '../../../shared/members/labels.js';
import { loadLookups } from '../org/lookups.js';
import { entriesForMember } from './entries.js';
import { presentRecord } from './presenter.js';
import { rank, scoreMembers } from './score.js';
import { rulesFor } from './settings.js';
import { refreshScores, type ScoreSummary } from './recompute.js';
import { performanceScores } from './schema.js';
import { sourceRefs } from './sources.js';

async function memberRow(db: Executor, committeeId: string, memberId: string) {
  const [m] = await db.select().from(members).where(eq(members.id, memberId));
  if (!m || m.committeeId !== committeeId) throw AppError.notFound('委员');
  return m;
}

/**
 * One member's record for a year: the score, each item and category, every entry with the points
 * it earned and a link to the record that earned it, the yearly minimum still lacking, sanctions.
 */
export async function memberRecord(db: Executor, committeeId: string, memberId: string, year: number) {
  const [m, rules, lookups] = await Promise.all([memberRow(db, committeeId, memberId), rulesFor(db, committeeId, year), loadLookups(db, committeeId)]);
  const { entries, term } = await entriesForMember(db, committeeId, memberId, year, rules);
  const [score] = scoreMembers(rules, [{ id: m.id, position: m.position }], entries, term);
  return presentRecord({ rules, member: m, score, entries: entries.filter((e) => e.memberId === m.id), sectorName: lookups.sectors.byId.get(m.sectorId ?? '') ?? null, year });
}

/** A record as `viewer` is shown it: entries whose source they may not open keep no id or link (sources.ts). */
export async function recordFor(db: Executor, viewer: Actor, committeeId: string, memberId: string, year: number) {
  const record = await memberRecord(db, committeeId, memberId, year);
  return { ...record, entries: await sourceRefs(db, viewer, record.entries) };
}

/**
 * Everyone's score for the year, ranked. The stored scores are brought up to date first (only the
 * members that new ledger entries touched are scored again, stamped `now`, the app's clock), then
 * read in one query.
 */
export async function committeeScores(db: Executor, committeeId: string, year: number, now: Date) {
  await refreshScores(db, committeeId, year, { now });
  const [rules, rows, lookups] = await Promise.all([
    rulesFor(db, committeeId, year),
    db
      .select({ m: members, total: performanceScores.total, summary: performanceScores.summary })
      .from(performanceScores)
      .innerJoin(members, eq(members.id, performanceScores.memberId))
      .where(and(eq(performanceScores.committeeId, committeeId), eq(performanceScores.year, year), eq(members.status, 'active'))),
    loadLookups(db, committeeId),
  ]);
  const ranked = rank(rows.map((r) => ({ memberId: r.m.id, total: r.total, m: r.m, s: r.summary as ScoreSummary })), (a, b) => a.m.code.localeCompare(b.m.code));
  return {
    rules,
    rows: ranked.map(({ m, s, rank: place, total }) => ({
      memberId: m.id, name: m.name, code: m.code, positionLabel: positionLabels[m.position as Position] ?? m.position,
      sectorName: lookups.sectors.byId.get(m.sectorId ?? '') ?? null, rank: place, total, grade: s.grade,
      categories: s.categories, lacking: s.lacking, sanctions: s.sanctions,
    })),
  };
}

/**
 * The lists staff work from, agreeing with the grades: to commend (拟表彰) — the commendation band,
 * or without one the top of the ranking, only members who met the yearly requirements and reached
 * no sanction, at most the scheme's quota (表彰名额; members tied across the cut are left for the
 * chairs' meeting and named in `commendCut`); to talk to (拟约谈) — a talk band (escalated to the
 * committee when it repeats the configured years running) or a sanction, with what they lack; and
 * below the yearly minimum.
 */
export async function performanceLists(db: Executor, committeeId: string, year: number, now: Date) {
  const { rules, rows } = await committeeScores(db, committeeId, year, now);
  const clean = (r: (typeof rows)[number]) => r.lacking.length === 0 && r.sanctions.length === 0;
  const band = rules.grades.some((g) => g.commend);
  const eligible = rows.filter((r) => clean(r) && (band ? r.grade?.commend === true : rules.commendTop > 0 && r.total > 0));
  const { commend, cut } = withinQuota(eligible, rules.commendTop);
  const talk = rows
    .filter((r) => r.grade?.talk || r.sanctions.length > 0)
    .map((r) => ({
      ...r, escalated: false,
      reasons: [
        ...(r.grade?.talk ? [`考核等次：${r.grade.label}`] : []),
        ...r.lacking.map((q) => `未完成${q.label}（${q.have}/${q.need}）`),
        ...r.sanctions.map((s) => `${s.label}（${s.count}次）${s.action === 'resign' ? '，劝其辞去委员' : ''}`),
      ],
    }));
  // a talk band that repeats: look back as many years as the band asks
  for (const t of talk) {
    const years = t.grade?.escalateAfterYears;
    if (!years) continue;
    let running = true;
    for (let y = year - 1; y > year - years && running; y--) {
      const earlier = await memberRecord(db, committeeId, t.memberId, y);
      running = earlier.grade?.key === t.grade!.key;
    }
    if (running) {
      t.escalated = true;
      t.reasons.push(`连续${years}年${t.grade!.label}，由政协约谈`);
    }
  }
  return {
    year, rulesName: rules.name, rulesSource: rules.source, commendQuota: rules.commendTop, commendCut: cut,
    grades: rules.grades.map((g) => ({ key: g.key, label: g.label, commend: g.commend, talk: g.talk, count: rows.filter((r) => r.grade?.key === g.key).length })),
    commend, talk, belowQuota: rows.filter((r) => r.lacking.length > 0),
  };
}

/**
 * At most `quota` of the ranked rows (0: all). When members tied on the same total cross the cut,
 * none of the tied group is listed — who of them is commended is the chairs' meeting's decision —
 * and the cut says so.
 */
export function withinQuota<T extends { total: number }>(ranked: T[], quota: number): { commend: T[]; cut: { total: number; tied: number; places: number } | null } {
  if (quota <= 0 || ranked.length <= quota) return { commend: ranked, cut: null };
  const last = ranked[quota - 1].total;
  if (ranked[quota].total !== last) return { commend: ranked.slice(0, quota), cut: null };
  const above = ranked.filter((r) => r.total > last);
  return { commend: above, cut: { total: last, tied: ranked.filter((r) => r.total === last).length, places: quota - above.length } };
}
