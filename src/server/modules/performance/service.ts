import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { users } from '../../platform/auth/schema.js';
import { notify } from '../../platform/notifications/notify.js';
import { members } from '../members/schema.js';
import { positionLabels, type Position } from '../members/positions.js';
import { loadLookups } from '../org/lookups.js';
import { entriesForMember } from './entries.js';
import { kindLabel, noteLabel, sourceLink } from './kinds.js';
import type { ScoringRules } from './rules.js';
import { rank, scoreMembers, type MemberScore } from './score.js';
import { rulesFor } from './settings.js';
import { refreshScores, type ScoreSummary } from './recompute.js';
import { performanceScores } from './schema.js';
import { sourceRefs } from './sources.js';

export { rulesFor };

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
  return present(rules, m, score, entries.filter((e) => e.memberId === m.id), lookups.sectors.byId.get(m.sectorId ?? '') ?? null, year);
}

function present(rules: ScoringRules, m: typeof members.$inferSelect, score: MemberScore, mine: { id: string; kind: string; day: string; sourceType: string; sourceId: string; part: string; note?: string | null; createdAt?: Date }[], sectorName: string | null, year: number) {
  const itemLabel = new Map(rules.items.map((i) => [i.key, i.label]));
  const earned = new Map<string, { points: number; items: string[]; reasons: string[] }>();
  for (const l of score.lines) {
    const cur = earned.get(l.entryId) ?? { points: 0, items: [], reasons: [] };
    cur.points += l.points;
    cur.items.push(itemLabel.get(l.itemKey) ?? l.itemKey);
    if (l.reason) cur.reasons.push(l.reason);
    earned.set(l.entryId, cur);
  }
  const entries = [...mine]
    // newest first: by day, then by when it was written
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0) || (a.id < b.id ? -1 : 1)))
    .map((e) => {
      const x = earned.get(e.id);
      return {
        id: e.id, day: e.day, kind: e.kind, kindLabel: kindLabel(e.kind), part: e.part, note: noteLabel(e.kind, e.note),
        sourceType: e.sourceType, sourceId: e.sourceId, link: sourceLink(e.sourceType, e.sourceId),
        points: x ? Math.round(x.points * 100) / 100 : 0, items: x?.items ?? [], reason: x?.reasons.join('；') || (x ? null : '本办法不计分'),
      };
    });
  return {
    year, rulesName: rules.name, rulesSource: rules.source,
    member: { id: m.id, name: m.name, code: m.code, position: m.position, positionLabel: positionLabels[m.position as Position] ?? m.position, sectorName },
    total: score.total, base: score.base, grade: score.grade,
    items: score.items.filter((i) => i.units > 0),
    categories: score.categories,
    quotas: score.quotas, lacking: score.lacking, sanctions: score.sanctions,
    entries,
  };
}

/** A record as `viewer` is shown it: entries whose source they may not open keep no id or link (sources.ts). */
export async function recordFor(db: Executor, viewer: Actor, committeeId: string, memberId: string, year: number) {
  const record = await memberRecord(db, committeeId, memberId, year);
  return { ...record, entries: await sourceRefs(db, viewer, record.entries) };
}

/**
 * Everyone's score for the year, ranked. The stored scores are brought up to date first (only the
 * members that new ledger entries touched are scored again), then read in one query.
 */
export async function committeeScores(db: Executor, committeeId: string, year: number) {
  await refreshScores(db, committeeId, year);
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
      memberId: m.id, name: m.name, code: m.code, position: m.position, positionLabel: positionLabels[m.position as Position] ?? m.position,
      sectorName: lookups.sectors.byId.get(m.sectorId ?? '') ?? null, rank: place, total, grade: s.grade,
      categories: s.categories, lacking: s.lacking, sanctions: s.sanctions,
    })),
  };
}

/**
 * The lists staff work from: to commend (a commendation band, or the top n), to talk to (a talk
 * band — escalated to the committee when it repeats the configured years running — or a sanction),
 * and below the yearly minimum.
 */
export async function performanceLists(db: Executor, committeeId: string, year: number) {
  const { rules, rows } = await committeeScores(db, committeeId, year);
  const commend = rows.filter((r) => r.grade?.commend || (rules.commendTop > 0 && r.rank <= rules.commendTop && r.total > 0));
  const talk = rows.filter((r) => r.grade?.talk || r.sanctions.length > 0).map((r) => ({ ...r, escalated: false, reasons: [...(r.grade?.talk ? [`考核等次：${r.grade.label}`] : []), ...r.sanctions.map((s) => `${s.label}（${s.count}次）${s.action === 'resign' ? '，劝其辞去委员' : ''}`)] }));
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
  return { year, rulesName: rules.name, commend, talk, belowQuota: rows.filter((r) => r.lacking.length > 0) };
}

/** 履职提醒: tells members below the yearly minimum what they still lack (all of them, or the chosen ones). */
export async function sendReminders(database: Database, actor: Actor, year: number, memberIds?: string[]) {
  const { rows } = await committeeScores(database.db, actor.committeeId, year);
  const targets = rows.filter((r) => r.lacking.length > 0 && (!memberIds || memberIds.includes(r.memberId)));
  const accounts = targets.length ? await database.db.select({ id: users.id, memberId: users.memberId }).from(users).where(and(eq(users.committeeId, actor.committeeId), inArray(users.memberId, targets.map((t) => t.memberId)))) : [];
  await database.db.transaction(async (tx) => {
    for (const t of targets) {
      const userIds = accounts.filter((a) => a.memberId === t.memberId).map((a) => a.id);
      const body = t.lacking.map((q) => `${q.label}：已完成${q.have}，尚需${q.need - q.have}`).join('；');
      await notify(tx, { committeeId: actor.committeeId, userIds, title: `履职提醒：${year}年度尚未完成的基本要求`, body, link: `/performance/me?year=${year}` });
    }
    await audit(tx, actor, { action: 'performance.remind', subjectType: 'performance', subjectId: `${actor.committeeId}:${year}`, after: { year, members: targets.map((t) => t.memberId) } });
  });
  return { reminded: targets.length, withoutAccount: targets.filter((t) => !accounts.some((a) => a.memberId === t.memberId)).length };
}
