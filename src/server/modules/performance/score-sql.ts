import type { ScoringRules } from '../../../shared/performance/rules.js';
import { yearRange } from './entries.js';
import type { ScoreSummary } from './recompute.js';

/**
 * The full recompute of a year as ONE SQL aggregate: the same rules and the same stored results as
 * score.ts (tests check they agree on every preset), but computed where the entries are, for
 * rankings of a whole city (the benchmark: 30,000 members × 10M entries). The rules travel as
 * JSON parameters (and arrays), never as SQL text; the same statement also builds each member's
 * stored summary, so the app's full refresh inserts its result without it leaving the database.
 *
 * Most entries (attendance) only count: their counts per member, kind and part come from
 * ledger_counts, which the ledger's triggers keep. The few kinds whose entries matter one by one
 * are read as rows through ledger_kind_idx (and ledger_occasion_idx): split items (who shared the
 * work; each entry beside its source's counts, in one sorted pass) — unless their kinds are joint
 * work the triggers keep in ledger_joint_counts, per member and source makeup — "skip the first n" items (numbered in date order), items per time (an occasion counts once), quotas
 * (distinct records) and sanctions (distinct occasions; term-scoped ones over the whole term).
 */
export interface CompiledScoreSql {
  text: string;
  /** the committee, the year, and its term's first and last day (for term-scoped sanctions; default the year) */
  params: (committeeId: string, year: number, term?: { from: string; to: string }) => unknown[];
}

/** One member's row: the total and the summary stored beside it (what summaryOf gives for the pure function's score). */
export interface ScoreSqlRow {
  member_id: string;
  total: number;
  summary: ScoreSummary;
}

/**
 * `jointKinds`: the kinds ledger_joint_counts keeps by their source's makeup (jointKindsOf, read from
 * ledger_joint_kinds): a split item all of whose kinds are among them is read from those counts, a
 * few rows a member; the others from the entries. Without them every split item reads the entries
 * (the same results, more slowly).
 */
export function compileScoreSql(rules: ScoringRules, o: { jointKinds?: readonly string[] } = {}): CompiledScoreSql {
  const known = new Set(rules.categories.map((c) => c.key));
  const catIndex = new Map(rules.categories.map((c, i) => [c.key, i + 1]));
  const tiered = rules.categories.filter((c) => c.tiers && c.tiers.length);
  // how an item's entries are read: counted (ledger_counts), split (shared among who did the work, no
  // order needed), or one by one in date order (skip the first n, or an occasion counted once)
  // a kind in two split items is read one by one (the general path); otherwise it names its item
  // (the whole item: a source's leads and contributors are counted over all the item's kinds at once)
  const splitUses = rules.items.flatMap((it) => (it.split && it.skipFirst === 0 && it.unit !== 'time' ? [...new Set(it.kinds)] : []));
  const sharedSplitKinds = new Set(splitUses.filter((k, i) => splitUses.indexOf(k) !== i));
  const kindRows: { item: number; kind: string; part: string; points: number; windowed: boolean; split: boolean; per_occasion: boolean; lead_share: number | null; skip: number }[] = [];
  rules.items.forEach((it, i) => {
    const plainSplit = Boolean(it.split) && it.skipFirst === 0 && it.unit !== 'time' && !it.kinds.some((k) => sharedSplitKinds.has(k));
    for (const kind of new Set(it.kinds)) {
      const split = plainSplit;
      kindRows.push({ item: i + 1, kind, part: it.part, points: it.points, windowed: !split && (Boolean(it.split) || it.skipFirst > 0), split, per_occasion: it.unit === 'time', lead_share: it.split?.leadShare ?? null, skip: it.skipFirst });
    }
  });
  // tiers ride along in the counted scan as pseudo-items with negative numbers: -(category * 100 + tier)
  rules.categories.forEach((c, ci) => {
    (c.tiers ?? []).forEach((t, ti) => {
      for (const kind of new Set(t.anyOf)) kindRows.push({ item: -((ci + 1) * 100 + ti + 1), kind, part: 'any', points: 0, windowed: false, split: false, per_occasion: false, lead_share: null, skip: 0 });
    });
  });
  const itemRows = rules.items.map((it, i) => ({
    item: i + 1,
    cap: it.cap ?? null,
    // items of a tiered category give no points themselves; items of an unknown category count loose
    category: it.category && known.has(it.category) ? catIndex.get(it.category)! : null,
    tiered: Boolean(it.category && tiered.some((c) => c.key === it.category)),
  }));
  // per category (by its number i): a plain one sums its items' points (column c<i>), a tiered one
  // takes its first tier present (column t<i>: the lowest code i*100 + tier); its tier scores sit in
  // one array after the tiers of the categories before it
  const catRows = rules.categories.map((c) => ({ cap: c.tiers && c.tiers.length ? null : c.cap ?? null, otherwise: c.tiers && c.tiers.length ? c.otherwise : 0 }));
  const tierScores = rules.categories.flatMap((c) => (c.tiers ?? []).map((t) => t.score));
  let tiersBefore = 0;
  const catCols = rules.categories.map((c, ci) => {
    const i = ci + 1;
    if (c.tiers && c.tiers.length) {
      const first = tiersBefore;
      tiersBefore += c.tiers.length;
      return { agg: `min(code) filter (where code > ${i * 100} and code < ${i * 100 + 100}) as t${i}`, value: `coalesce(k.tier_scores[s.t${i} - ${i * 100 - first}], k.otherwise[${i}]) as v${i}` };
    }
    return { agg: `sum(pts) filter (where category = ${i}) as c${i}`, value: `coalesce(sign(s.c${i}) * least(abs(s.c${i}), k.caps[${i}]), 0) as v${i}` };
  });
  const catAggs = catCols.map((c) => `, ${c.agg}`).join('');
  const catValues = catCols.map((c) => `, ${c.value}`).join('');
  const catSum = catCols.map((_, ci) => ` + r.v${ci + 1}`).join('');
  const catTexts = catCols.length ? catCols.map((_, ci) => `k.texts[${ci + 1}] || r.v${ci + 1}::float8::text || '}'`).join(` || ', ' || `) : `''`;
  // the start of each category's object in the summary, JSON-encoded here: {"key": …, "label": …, "points": (its points follow)
  const catTextStarts = rules.categories.map((c) => `{"key": ${JSON.stringify(c.key)}, "label": ${JSON.stringify(c.label)}, "points": `);
  const byIndex = (list: { kinds: string[] }[], keep: (x: any) => boolean = () => true) =>
    list.flatMap((x, i) => (keep(x) ? [...new Set(x.kinds)].map((kind) => ({ idx: i + 1, kind })) : []));
  const quotaKinds = byIndex(rules.quotas);
  const yearSanctionKinds = byIndex(rules.sanctions, (s) => s.scope === 'year');
  const termSanctionKinds = byIndex(rules.sanctions, (s) => s.scope === 'term');
  // kinds only counted go through the counting scan; kinds whose entries matter one by one (split,
  // skip, per occasion, quotas, sanctions) are read as rows through ledger_kind_idx
  // (entries with an occasion — the half-days of a plenary session — are few: a partial index holds them)
  const countedKinds = [...new Set(kindRows.filter((k) => !k.windowed && !k.split).map((k) => k.kind))];
  // split items read from ledger_joint_counts (all their kinds kept there) or straight from the entries
  const joint = new Set(o.jointKinds ?? []);
  const keptItems = new Set(rules.items.flatMap((it, i) => (kindRows.some((k) => k.split && k.item === i + 1) && it.kinds.every((k) => joint.has(k)) ? [i + 1] : [])));
  const splitRows = kindRows.filter((k) => k.split && !keptItems.has(k.item));
  const jointRows = kindRows.filter((k) => k.split && keptItems.has(k.item)).map(({ kind, item, part, points, lead_share }) => ({ kind, item, part, points, lead_share }));
  const rowKinds = [...new Set([...kindRows.filter((k) => k.windowed).map((k) => k.kind), ...quotaKinds.map((q) => q.kind), ...yearSanctionKinds.map((s) => s.kind)])];
  const occasionKinds = [...new Set(kindRows.filter((k) => k.per_occasion && !rowKinds.includes(k.kind)).map((k) => k.kind))];

  // what the summary shows: labels and thresholds, in the rules' order; the grade bands from the
  // highest min down, ties in the rules' order (a stable sort, as gradeOf's), tried in one case
  // expression per member rather than a subquery
  const gradeDefs = [...rules.grades].sort((a, b) => b.min - a.min).map((g) => ({ min: g.min, requires: g.requiresQuotas, grade: { key: g.key, label: g.label, commend: g.commend, talk: g.talk, escalateAfterYears: g.escalateAfterYears ?? null } }));
  const clean = `(jsonb_array_length(x.lacking) = 0 and jsonb_array_length(x.sanctions) = 0)`;
  const gradeCase = gradeDefs.length
    ? `case ${gradeDefs.map((_, j) => `when t.total >= k.grade_mins[${j + 1}] and (not k.grade_requires[${j + 1}] or ${clean}) then k.grade_texts[${j + 1}]`).join(' ')} else 'null' end`
    : `'null'`;
  const quotaDefs = rules.quotas.map((q, i) => ({ idx: i + 1, key: q.key, label: q.label, min: q.min, positions: q.positions }));
  const sanctionDefs = rules.sanctions.map((x, i) => ({ idx: i + 1, key: x.key, label: x.label, action: x.action, count: x.count, positions: x.positions }));
  const live = (alias: string, from: string, to: string) => `${alias}.committee_id = $1 and ${alias}.day between ${from}::date and ${to}::date and ${alias}.voided_at is null`;
  const text = `
with kinds as (
  select * from jsonb_to_recordset($4::jsonb) as k(item int, kind text, part text, points numeric, windowed boolean, split boolean, per_occasion boolean, lead_share numeric, skip int)
), items as (
  select * from jsonb_to_recordset($5::jsonb) as i(item int, cap numeric, category int, tiered boolean)
), quota_kinds as (
  select * from jsonb_to_recordset($11::jsonb) as q(idx int, kind text)
), year_sanction_kinds as (
  select * from jsonb_to_recordset($12::jsonb) as s(idx int, kind text)
), term_sanction_kinds as (
  select * from jsonb_to_recordset($13::jsonb) as s(idx int, kind text)
), counted as (
  -- the year's live entries counted per member, kind and part, as the ledger's triggers keep them
  -- (the kinds an array parameter: a constant when planned, tested by hashing rather than one by one)
  select member_id, kind, part, on_occasion, n
  from ledger_counts
  where committee_id = $1 and year = extract(year from $2::date)::int and n > 0 and kind = any($9::text[])
), singles as materialized (
  -- the entries that matter one by one: few kinds (proposals, reports, absences), and the entries of an occasion
  select e.id as eid, e.member_id, e.kind, e.part, e.source_type as st, e.source_id as sid, e.occasion_id as occ, e.day as d
  from ledger_entries e
  where ${live('e', '$2', '$3')} and e.kind = any(array(select jsonb_array_elements_text($10::jsonb)))
  union all
  select e.id, e.member_id, e.kind, e.part, e.source_type, e.source_id, e.occasion_id, e.day
  from ledger_entries e
  where ${live('e', '$2', '$3')} and e.occasion_id is not null and e.kind = any(array(select jsonb_array_elements_text($16::jsonb)))
), hits as materialized (
  -- the entries of items that need them one by one; an item counted per time counts an occasion
  -- once (its first entry by day, then id)
  select x.member_id, k.item, x.part, x.st, x.sid, x.d, x.eid, k.points, k.lead_share, k.skip
  from singles x join kinds k on k.kind = x.kind and (k.part = 'any' or k.part = x.part)
  where k.windowed and not (k.per_occasion and x.occ is not null)
  union all
  select member_id, item, part, st, sid, d, eid, points, lead_share, skip from (
    select distinct on (x.member_id, k.item, x.occ) x.member_id, k.item, x.part, x.st, x.sid, x.d, x.eid, k.points, k.lead_share, k.skip
    from singles x join kinds k on k.kind = x.kind and (k.part = 'any' or k.part = x.part)
    where k.per_occasion and x.occ is not null
    order by x.member_id, k.item, x.occ, x.d, x.eid
  ) first_of_occasion
), src as (
  select item, st, sid, count(*) filter (where part = 'lead') as n_lead, count(*) filter (where part <> 'lead') as n_contrib
  from hits where lead_share is not null group by item, st, sid
), shared as not materialized (
  select h.member_id, h.item, h.skip, h.d, h.eid, h.points *
    case when h.lead_share is null then 1::numeric
         when h.part = 'lead' then (case when s.n_contrib > 0 then h.lead_share else 1 end) / s.n_lead
         else (case when s.n_lead > 0 then 1 - h.lead_share else 1 end) / s.n_contrib end as each_pts
  from hits h left join src s on s.item = h.item and s.st = h.st and s.sid = h.sid
), split_rows as not materialized (
  -- joint work (proposals): each entry's share depends on how many leads and contributors its source
  -- has. Read straight from the ledger (once, in source order: each entry beside its source's counts), each
  -- split kind naming its item by position in the parameter arrays — no join, so the planner's
  -- estimates stay those of the ledger's own statistics and it hashes instead of sorting
  -- (an item counting only one part filters in the aggregates, not in the scan, for the same reason)
  select e.member_id, e.part, ($23::text[])[k.at] in ('any', e.part) as counts, e.source_type as st, e.source_id as sid,
    ($22::int[])[k.at] as item, ($24::numeric[])[k.at] as points, ($25::numeric[])[k.at] as lead_share
  from ledger_entries e cross join lateral (select array_position($21::text[], e.kind) as at) k
  where ${live('e', '$2', '$3')} and e.kind = any($21::text[])
), split_shares as (
  -- each entry beside its source's counts (sorted by source id: uuids compare as bytes)
  select member_id, item, counts, part, points, lead_share,
    count(*) filter (where counts and part = 'lead') over w as n_lead,
    count(*) filter (where counts and part <> 'lead') over w as n_contrib
  from split_rows window w as (partition by sid, st collate "C", item)
), joint_defs as (
  select * from jsonb_to_recordset($26::jsonb) as d(kind text, item int, part text, points numeric, lead_share numeric)
), joint_counts as materialized (
  -- joint work as the ledger's triggers keep it: each member's entries per kind and part and the
  -- makeup of their source (how many entries of each kind and part it has)
  select c.member_id, c.kind, c.part, c.makeup, c.n
  from ledger_joint_counts c
  where c.committee_id = $1 and c.year = extract(year from $2::date)::int and c.n <> 0 and c.kind = any(array(select kind from joint_defs))
), joint_makeups as (
  -- each makeup once per item: how many of its source's entries count for the item as leads and as
  -- contributors, and so what one lead's and one contributor's entry earn (the share as split_shares has it)
  select makeup, item,
    points * ((case when n_contrib > 0 then lead_share else 1 end) / nullif(n_lead, 0)) as lead_pts,
    points * ((case when n_lead > 0 then 1 - lead_share else 1 end) / nullif(n_contrib, 0)) as contrib_pts
  from (
    select m.makeup, d.item, d.points, d.lead_share,
      coalesce(sum(x.n) filter (where x.part = 'lead'), 0) as n_lead,
      coalesce(sum(x.n) filter (where x.part <> 'lead'), 0) as n_contrib
    from (select distinct makeup from joint_counts) m
    cross join lateral jsonb_to_recordset(m.makeup::jsonb) as x(kind text, part text, n int)
    join joint_defs d on d.kind = x.kind and d.part in ('any', x.part)
    group by m.makeup, d.item, d.points, d.lead_share
  ) c
), raw as (
  -- an item's kinds earn the same points each: the counts are summed as integers, then multiplied once
  select c.member_id, k.item, k.points * sum(c.n) as raw
  from counted c join kinds k on k.kind = c.kind and not k.windowed and not k.split and not (k.per_occasion and c.on_occasion) and (k.part = 'any' or k.part = c.part)
  group by c.member_id, k.item, k.points
  union all
  select member_id, item, sum(points *
    case when part = 'lead' then (case when n_contrib > 0 then lead_share else 1 end) / n_lead
         else (case when n_lead > 0 then 1 - lead_share else 1 end) / n_contrib end)
  from split_shares where counts
  group by member_id, item
  union all
  -- n entries of one makeup earn n times one entry's share
  select c.member_id, d.item, sum(c.n * case when c.part = 'lead' then mk.lead_pts else mk.contrib_pts end)
  from joint_counts c
  join joint_defs d on d.kind = c.kind and d.part in ('any', c.part)
  join joint_makeups mk on mk.makeup = c.makeup and mk.item = d.item
  group by c.member_id, d.item
  union all
  select member_id, item, sum(each_pts) from shared where skip = 0 group by member_id, item
  union all
  select member_id, item, sum(case when rn > skip then each_pts else 0 end) from (
    select sh.*, row_number() over (partition by sh.member_id, sh.item order by sh.d, sh.eid) as rn from shared sh where sh.skip > 0
  ) w group by member_id, item
), per_item as (
  select u.member_id, i.category, i.tiered,
    round(case when i.cap is null then sum(u.raw) else sign(sum(u.raw)) * least(abs(sum(u.raw)), i.cap) end, 2) as pts
  from raw u join items i on i.item = u.item
  where u.item > 0
  group by u.member_id, u.item, i.category, i.tiered, i.cap
), per_member as (
  -- one row a member: the points of items outside any category, each plain category's sum of its
  -- items, and for each tiered category the first tier (lowest code) whose kinds the member has
  select member_id, coalesce(sum(pts) filter (where category is null and code is null), 0) as loose${catAggs}
  from (
    select member_id, category, pts, null::int as code from per_item where not tiered
    union all
    select member_id, null, null, -item from raw where item < 0
  ) x
  group by member_id
), quota_counts as (
  select x.member_id, q.idx, count(distinct (x.st, x.sid)) as n
  from singles x join quota_kinds q on q.kind = x.kind
  group by x.member_id, q.idx
), sanction_counts as (
  -- a plenary absent on all its half-days is one absence from one plenary (its occasion), not three
  select x.member_id, s.idx, count(distinct coalesce(x.occ::text, x.st || ':' || x.sid::text)) as n
  from singles x join year_sanction_kinds s on s.kind = x.kind
  group by x.member_id, s.idx
  union all
  select e.member_id, s.idx, count(distinct coalesce(e.occasion_id::text, e.source_type || ':' || e.source_id::text))
  from ledger_entries e join term_sanction_kinds s on s.kind = e.kind
  where ${live('e', '$14', '$15')}
  group by e.member_id, s.idx
), consts as materialized (
  -- the categories' caps and "otherwise" points, the tiers' scores (by category in order) and the
  -- start of each category's text in the summary, read from their parameters once
  select array(select (e ->> 'cap')::numeric from jsonb_array_elements($6::jsonb) with ordinality a(e, i) order by i) as caps,
    array(select (e ->> 'otherwise')::numeric from jsonb_array_elements($6::jsonb) with ordinality a(e, i) order by i) as otherwise,
    array(select v::numeric from jsonb_array_elements_text($7::jsonb) with ordinality a(v, i) order by i) as tier_scores,
    array(select v from jsonb_array_elements_text($18::jsonb) with ordinality a(v, i) order by i) as texts,
    -- the grade bands from the highest min down, as gradeOf tries them
    array(select (e ->> 'min')::numeric from jsonb_array_elements($17::jsonb) with ordinality a(e, i) order by i) as grade_mins,
    array(select (e ->> 'requires')::boolean from jsonb_array_elements($17::jsonb) with ordinality a(e, i) order by i) as grade_requires,
    array(select (e -> 'grade')::text from jsonb_array_elements($17::jsonb) with ordinality a(e, i) order by i) as grade_texts
), roster as (
  -- each category's points: a plain one its items' sum within its cap (least ignores a null cap), a tiered one its tier's score or "otherwise"
  select m.id as member_id, m.position, coalesce(s.loose, 0) as loose${catValues}, q.quotas, c.sanctions
  from members m
  cross join consts k
  left join per_member s on s.member_id = m.id
  left join (select member_id, jsonb_object_agg(idx, n) as quotas from quota_counts group by member_id) q on q.member_id = m.id
  left join (select member_id, jsonb_object_agg(idx, n) as sanctions from sanction_counts group by member_id) c on c.member_id = m.id
  where m.committee_id = $1 and m.status = 'active'
), quota_defs as materialized (
  select * from jsonb_to_recordset($19::jsonb) as d(idx int, key text, label text, min int, positions text[])
), sanction_defs as materialized (
  select * from jsonb_to_recordset($20::jsonb) as d(idx int, key text, label text, action text, count int, positions text[])
)
-- the stored summary (score.ts summaryOf): the grade band, every category's points, the quotas not met
-- and the sanctions reached — written as JSON text and read once as jsonb (several times faster than
-- building it object by object for 30,000 members; the category texts are JSON-encoded by the caller)
-- a band that requires the yearly minimum is skipped for a member who lacks one or reached a sanction (score.ts gradeOf)
select r.member_id, t.total, ('{"grade": ' || ${gradeCase}
  || ', "categories": [' || ${catTexts} || '], "lacking": ' || x.lacking::text || ', "sanctions": ' || x.sanctions::text || '}')::jsonb as summary
from roster r cross join consts k
cross join lateral (select round(${clamp(`($8::numeric + r.loose${catSum})`, rules)}, 2)::float8 as total) t
cross join lateral (select
  ${rules.quotas.length === 0 ? `'[]'::jsonb` : `coalesce((select jsonb_agg(jsonb_build_object('key', d.key, 'label', d.label, 'have', h.n, 'need', d.min, 'met', false) order by d.idx)
    from quota_defs d cross join lateral (select coalesce((r.quotas ->> d.idx::text)::int, 0) as n) h
    where (cardinality(d.positions) = 0 or r.position = any(d.positions)) and h.n < d.min), '[]'::jsonb)`} as lacking,
  ${rules.sanctions.length === 0 ? `'[]'::jsonb` : `coalesce((select jsonb_agg(jsonb_build_object('key', d.key, 'label', d.label, 'action', d.action, 'count', h.n, 'threshold', d.count) order by d.idx)
    from sanction_defs d cross join lateral (select coalesce((r.sanctions ->> d.idx::text)::int, 0) as n) h
    where (cardinality(d.positions) = 0 or r.position = any(d.positions)) and h.n >= d.count), '[]'::jsonb)`} as sanctions
) x`;

  return {
    text,
    params: (committeeId, year, term = yearRange(year)) => [
      committeeId, yearRange(year).from, yearRange(year).to,
      JSON.stringify(kindRows), JSON.stringify(itemRows), JSON.stringify(catRows), JSON.stringify(tierScores),
      rules.base,
      countedKinds, JSON.stringify(rowKinds),
      JSON.stringify(quotaKinds), JSON.stringify(yearSanctionKinds), JSON.stringify(termSanctionKinds),
      term.from, term.to, JSON.stringify(occasionKinds),
      JSON.stringify(gradeDefs), JSON.stringify(catTextStarts), JSON.stringify(quotaDefs), JSON.stringify(sanctionDefs),
      splitRows.map((k) => k.kind), splitRows.map((k) => k.item), splitRows.map((k) => k.part), splitRows.map((k) => k.points), splitRows.map((k) => k.lead_share),
      JSON.stringify(jointRows),
    ],
  };
}

function clamp(expr: string, rules: ScoringRules): string {
  let e = expr;
  if (rules.maxTotal !== null && rules.maxTotal !== undefined) e = `least(${e}, ${Number(rules.maxTotal)})`;
  if (rules.minTotal !== null && rules.minTotal !== undefined) e = `greatest(${e}, ${Number(rules.minTotal)})`;
  return e;
}
