import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The CPPCC thesaurus (cppcc-thesaurus.txt): near-synonyms of the field, each mapped to one
 * canonical word. A small curated list on purpose: each line says two words name the same thing in
 * proposals, which a reader can check; embeddings or co-occurrence would say it without a reason.
 */
let table: Map<string, string> | undefined;

function load(): Map<string, string> {
  if (table) return table;
  table = new Map();
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cppcc-thesaurus.txt');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const [head, rest = ''] = t.split(/[:：]/);
    const to = head.trim();
    table.set(to, to);
    for (const v of rest.split(/\s+/).filter(Boolean)) table.set(v, to);
  }
  return table;
}

/** The canonical word for `word` (itself when the thesaurus has no entry). */
export function canonical(word: string): string {
  return load().get(word) ?? word;
}

/** Every word of the thesaurus (the segmentation dictionary adds them, so each is cut whole). */
export function thesaurusWords(): string[] {
  return [...load().keys()];
}
