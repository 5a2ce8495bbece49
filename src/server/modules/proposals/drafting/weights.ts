import { idf } from '@node-rs/jieba/dict.js';

/**
 * How much a shared word says about two texts being on one subject: its inverse document
 * frequency in jieba's bundled general corpus (idf.txt). 建设 or 我们 say little; 湿地 or 病理 a lot.
 * Words the corpus does not know (新词, local names) get its median, as jieba's own keyword
 * extraction does.
 */
let table: Map<string, number> | undefined;
let median = 0;

function load(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const values: number[] = [];
  for (const line of Buffer.from(idf).toString('utf8').split('\n')) {
    const sp = line.lastIndexOf(' ');
    if (sp <= 0) continue;
    const v = Number(line.slice(sp + 1));
    table.set(line.slice(0, sp), v);
    values.push(v);
  }
  values.sort((a, b) => a - b);
  median = values[Math.floor(values.length / 2)] ?? 10;
  return table;
}

/** The weight of one word (its IDF). */
export function wordWeight(word: string): number {
  const t = load();
  return t.get(word) ?? median;
}

/** A text as weighted words: each occurrence adds the word's weight. */
export function weighted(words: string[]): Map<string, number> {
  const v = new Map<string, number>();
  for (const w of words) v.set(w, (v.get(w) ?? 0) + wordWeight(w));
  return v;
}

/** Cosine of two weighted texts: 0 when they share no word, 1 when they are the same. */
export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, x] of a) {
    na += x * x;
    const y = b.get(w);
    if (y) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
