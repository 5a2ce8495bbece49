import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { PublicSearchSource } from '../../platform/modules/manifest.js';
import { SyncedIndex } from '../../platform/text/synced-index.js';
import { contentWords } from '../../platform/text/segment.js';
import type { portalSearchQuery } from '../../../shared/portal/inputs.js';
import type { PortalSearchItem, PortalSearchResult } from '../../../shared/portal/responses.js';

type Query = z.output<typeof portalSearchQuery>;

/** How many of each kind a search reads before narrowing: more than anyone pages through. */
const PER_KIND = 200;

/** What a search looks for in a text: the query as typed, then its content words (segmented once per search). */
export const queryWords = (query: string): string[] => [query.trim(), ...contentWords(query)].filter(Boolean);

/**
 * A line of `text` around the first of the query's words it contains (or its opening), for a
 * result list: the reader sees why it was found.
 */
export function excerptOf(text: string, words: readonly string[], length = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = Math.min(...words.map((w) => flat.indexOf(w)).filter((i) => i >= 0), Infinity);
  const start = at === Infinity ? 0 : Math.max(0, at - 20);
  return `${start > 0 ? '…' : ''}${flat.slice(start, start + length)}${start + length < flat.length ? '…' : ''}`;
}

/** Counts of each value among the found records, most first. */
function facet(items: PortalSearchItem[], values: (i: PortalSearchItem) => (string | number | null)[]) {
  const counts = new Map<string, number>();
  for (const i of items) for (const v of new Set(values(i))) if (v !== null && v !== '') counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || b.value.localeCompare(a.value, 'zh-CN'));
}

/**
 * 公开门户搜索: one jieba-aware index per kind of published record (the modules' `publicSearch`),
 * the hits of every kind best first, then narrowed by kind, year, category, unit and sector. The
 * facets count what the words found, so each choice offered finds something.
 */
export function publicSearch(sources: readonly PublicSearchSource[]) {
  const kinds = sources.map((source) => ({ source, index: new SyncedIndex(source.source) }));
  return async (db: Executor, q: Query): Promise<PortalSearchResult> => {
    const found: (PortalSearchItem & { kindLabel: string; score: number })[] = [];
    const words = queryWords(q.q);
    for (const { source, index } of kinds) {
      const hits = await index.searchAll(db, q.committeeId, q.q, PER_KIND);
      const score = new Map(hits.map((h) => [h.key, h.score]));
      for (const item of await source.present(db, hits.map((h) => h.key), words)) found.push({ ...item, kindLabel: source.label, score: score.get(item.id) ?? 0 });
    }
    found.sort((a, b) => b.score - a.score || (b.date ?? '').localeCompare(a.date ?? ''));
    const narrowed = found.filter(
      (i) =>
        (!q.kind || i.kind === q.kind) && (!q.year || i.year === q.year) && (!q.category || i.category === q.category) &&
        (!q.unit || i.units.includes(q.unit)) && (!q.sector || i.sector === q.sector),
    );
    const page = narrowed.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map(({ score: _score, ...item }) => item);
    return {
      items: page,
      total: narrowed.length,
      facets: {
        kinds: kinds.map(({ source }) => ({ value: source.kind, label: source.label, count: found.filter((i) => i.kind === source.kind).length })).filter((k) => k.count > 0),
        years: facet(found, (i) => [i.year]),
        categories: facet(found, (i) => [i.category]),
        units: facet(found, (i) => i.units),
        sectors: facet(found, (i) => [i.sector]),
      },
    };
  };
}
