import type { Category, ScoreItem, ScoringRules } from '../../../shared/performance/rules.js';

/**
 * The scoring function: rules × ledger entries → each member's score with every point explained.
 * Pure and deterministic: entries are ordered by (day, id) wherever order matters (the first
 * units of a "skipFirst" item, which entries reach a cap), and sums are rounded half away from
 * zero to 0.01 once per item, as PostgreSQL's numeric round does (see score-sql.ts).
 */
export interface Entry {
  id: string;
  memberId: string;
  kind: string;
  part: string;
  day: string;
  sourceType: string;
  sourceId: string;
  /** the occasion several sources make together (a plenary session of half-days), for sanctions counted per occasion */
  occasionId?: string | null;
  note?: string | null;
  /** when the entry was written (for showing the newest first; never used in scoring) */
  createdAt?: Date;
}

export interface ScoredMember {
  id: string;
  position?: string | null;
}

export interface Line {
  entryId: string;
  itemKey: string;
  kind: string;
  day: string;
  sourceType: string;
  sourceId: string;
  part: string;
  note: string | null;
  /** points this entry earned (after its split share, minimum and cap) */
  points: number;
  /** why it earned less than the item's points: a split share, the minimum, the cap */
  reason: string | null;
}

export interface ItemResult {
  key: string;
  label: string;
  category: string | null;
  units: number;
  points: number;
  capped: boolean;
}

export interface CategoryResult {
  key: string;
  label: string;
  raw: number;
  points: number;
  capped: boolean;
  /** for a tiered category: the tier that applied */
  tier: string | null;
}

export interface QuotaResult {
  key: string;
  label: string;
  have: number;
  need: number;
  met: boolean;
}

export interface SanctionResult {
  key: string;
  label: string;
  action: 'talk' | 'resign';
  count: number;
  threshold: number;
}

export interface MemberScore {
  memberId: string;
  base: number;
  total: number;
  grade: { key: string; label: string; commend: boolean; talk: boolean; escalateAfterYears: number | null } | null;
  items: ItemResult[];
  categories: CategoryResult[];
  quotas: QuotaResult[];
  lacking: QuotaResult[];
  sanctions: SanctionResult[];
  lines: Line[];
}

/** Half away from zero to 0.01 (PostgreSQL `round(numeric, 2)`). */
export const round2 = (x: number) => (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-7)) / 100;

const capTo = (x: number, cap: number | null | undefined) => (cap === null || cap === undefined ? x : Math.sign(x) * Math.min(Math.abs(x), cap));
const byDayThenId = (a: Entry, b: Entry) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const partMatches = (item: ScoreItem, part: string) => item.part === 'any' || item.part === part;
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** The share of a split item each entry of one source earns: lead `leadShare`, contributors the rest equally. */
function splitShares(item: ScoreItem, entries: Entry[]): Map<string, number> {
  const shares = new Map<string, number>();
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    const k = `${e.sourceType}:${e.sourceId}`;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  const leadShare = item.split!.leadShare;
  for (const group of groups.values()) {
    const leads = group.filter((e) => e.part === 'lead').length;
    const contributors = group.length - leads;
    for (const e of group) {
      const share = e.part === 'lead' ? (contributors > 0 ? leadShare : 1) / leads : (leads > 0 ? 1 - leadShare : 1) / contributors;
      shares.set(e.id, share);
    }
  }
  return shares;
}

/** What one entry earned under one item, for the record that explains every point. */
const lineOf = (e: Entry, item: ScoreItem, points: number, reason: string | null): Line => ({
  entryId: e.id, itemKey: item.key, kind: e.kind, day: e.day, sourceType: e.sourceType, sourceId: e.sourceId, part: e.part, note: e.note ?? null, points, reason,
});

/**
 * An item counted per time (次) counts an occasion once: the half-days of one plenary session a
 * member missed are one absence (Jinan: −30 per unexcused absence from a plenary). The later
 * entries of the occasion (by day, then id) are its repeats; an item per half-day counts each.
 */
function repeatsOfOccasion(item: ScoreItem, hits: Entry[]): Set<string> {
  const repeats = new Set<string>();
  if (item.unit !== 'time') return repeats;
  const seen = new Set<string>();
  for (const e of hits) {
    if (!e.occasionId) continue;
    const k = `${e.memberId}:${e.occasionId}`;
    if (seen.has(k)) repeats.add(e.id);
    seen.add(k);
  }
  return repeats;
}

/**
 * The grade band of a total: bands are tried from the highest min down (ties in the rules' order);
 * a band that requires the yearly minimum is skipped for a member who is not `clean` (lacks a
 * requirement or reached a sanction).
 */
export function gradeOf(rules: ScoringRules, total: number, clean = true): MemberScore['grade'] {
  const band = [...rules.grades].sort((a, b) => b.min - a.min).find((g) => total >= g.min && (clean || !g.requiresQuotas));
  return band ? { key: band.key, label: band.label, commend: band.commend, talk: band.talk, escalateAfterYears: band.escalateAfterYears ?? null } : null;
}

export const applies = (positions: string[], position: string | null | undefined) => positions.length === 0 || (position !== null && position !== undefined && positions.includes(position));

/**
 * Scores each of `members` for one year. `entries` are the year's live (not voided) entries; they
 * may include other members' entries of the same sources, which only decide the split shares of
 * joint work. `termEntries` (the whole term's entries of these members) feed term-scoped sanctions.
 */
export function scoreMembers(rules: ScoringRules, members: ScoredMember[], entries: Entry[], termEntries: Entry[] = entries): MemberScore[] {
  const sorted = [...entries].sort(byDayThenId);
  // per item: the entries it counts, and the split shares across all members
  const matched = rules.items.map((item) => {
    const kinds = new Set(item.kinds);
    const all = sorted.filter((e) => kinds.has(e.kind) && partMatches(item, e.part));
    const repeats = repeatsOfOccasion(item, all);
    const hits = all.filter((e) => !repeats.has(e.id));
    return { item, all, repeats, shares: item.split ? splitShares(item, hits) : null };
  });
  const wanted = new Set(members.map((m) => m.id));
  const byMember = new Map<string, Entry[]>();
  for (const e of sorted) if (wanted.has(e.memberId)) byMember.set(e.memberId, [...(byMember.get(e.memberId) ?? []), e]);
  const termByMember = new Map<string, Entry[]>();
  for (const e of termEntries) if (wanted.has(e.memberId)) termByMember.set(e.memberId, [...(termByMember.get(e.memberId) ?? []), e]);

  return members.map((m) => {
    const lines: Line[] = [];
    const items: ItemResult[] = matched.map(({ item, all, repeats, shares }) => {
      const mine = all.filter((e) => e.memberId === m.id && !repeats.has(e.id));
      for (const e of all) {
        if (e.memberId === m.id && repeats.has(e.id)) lines.push(lineOf(e, item, 0, '同一次会议已计'));
      }
      let running = 0;
      let raw = 0;
      mine.forEach((e, i) => {
        const share = shares?.get(e.id) ?? 1;
        const reasons: string[] = [];
        let p = item.points * share;
        if (share !== 1) reasons.push(`联名分配 ${pct(share)}`);
        if (i < item.skipFirst) {
          p = 0;
          reasons.push('基本要求，不计分');
        }
        raw += p;
        // the cap is reached in date order: later entries show what they no longer earn
        const before = capTo(running, item.cap);
        running += p;
        const after = capTo(running, item.cap);
        const earned = after - before;
        if (Math.abs(earned - p) > 1e-9) reasons.push('已达该项上限');
        lines.push(lineOf(e, item, round2(earned), reasons.join('；') || null));
      });
      const points = round2(capTo(raw, item.cap));
      return { key: item.key, label: item.label, category: item.category ?? null, units: mine.length, points, capped: round2(raw) !== points };
    });

    const myEntries = byMember.get(m.id) ?? [];
    const myKinds = new Set(myEntries.map((e) => e.kind));
    const categories: CategoryResult[] = rules.categories.map((c: Category) => {
      if (c.tiers && c.tiers.length) {
        const tier = c.tiers.find((t) => t.anyOf.some((k) => myKinds.has(k)));
        const points = tier ? tier.score : c.otherwise;
        return { key: c.key, label: c.label, raw: points, points, capped: false, tier: tier?.label ?? null };
      }
      const raw = round2(items.filter((i) => i.category === c.key).reduce((s, i) => s + i.points, 0));
      const points = round2(capTo(raw, c.cap));
      return { key: c.key, label: c.label, raw, points, capped: raw !== points, tier: null };
    });
    const tiered = new Set(rules.categories.filter((c) => c.tiers && c.tiers.length).map((c) => c.key));
    const known = new Set(rules.categories.map((c) => c.key));
    // lines of a tiered category explain the tier; the tier, not the items, gives the points
    for (const l of lines) {
      const cat = rules.items.find((i) => i.key === l.itemKey)?.category;
      if (cat && tiered.has(cat)) l.points = 0;
    }
    const loose = items.filter((i) => !i.category || !known.has(i.category)).reduce((s, i) => s + i.points, 0);
    let total = rules.base + categories.reduce((s, c) => s + c.points, 0) + loose;
    if (rules.maxTotal !== null && rules.maxTotal !== undefined) total = Math.min(total, rules.maxTotal);
    if (rules.minTotal !== null && rules.minTotal !== undefined) total = Math.max(total, rules.minTotal);
    total = round2(total);

    const quotas: QuotaResult[] = rules.quotas
      .filter((q) => applies(q.positions, m.position))
      .map((q) => {
        const kinds = new Set(q.kinds);
        const have = new Set(myEntries.filter((e) => kinds.has(e.kind)).map((e) => `${e.sourceType}:${e.sourceId}`)).size;
        return { key: q.key, label: q.label, have, need: q.min, met: have >= q.min };
      });
    const sanctions: SanctionResult[] = rules.sanctions
      .filter((s) => applies(s.positions, m.position))
      .map((s) => {
        const kinds = new Set(s.kinds);
        const pool = s.scope === 'term' ? termByMember.get(m.id) ?? [] : myEntries;
        // a plenary absent on all its half-days is one absence from one plenary, not three
        const occasions = new Set(pool.filter((e) => kinds.has(e.kind)).map((e) => e.occasionId ?? `${e.sourceType}:${e.sourceId}`));
        return { key: s.key, label: s.label, action: s.action, count: occasions.size, threshold: s.count };
      })
      .filter((s) => s.count >= s.threshold);

    const lacking = quotas.filter((q) => !q.met);
    return { memberId: m.id, base: rules.base, total, grade: gradeOf(rules, total, lacking.length === 0 && sanctions.length === 0), items, categories, quotas, lacking, sanctions, lines };
  });
}

export interface Ranked {
  memberId: string;
  total: number;
  rank: number;
}

/** Competition ranking (1, 2, 2, 4) by total, ties in member order, so it never depends on the database's row order. */
export function rank<T extends { memberId: string; total: number }>(scores: T[], tieBreak: (a: T, b: T) => number): (T & { rank: number })[] {
  const ordered = [...scores].sort((a, b) => b.total - a.total || tieBreak(a, b));
  let last = Number.NaN;
  let lastRank = 0;
  return ordered.map((s, i) => {
    if (s.total !== last) lastRank = i + 1;
    last = s.total;
    return { ...s, rank: lastRank };
  });
}
