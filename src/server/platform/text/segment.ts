import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { stopwords } from './stopwords.js';
import { thesaurusWords } from './thesaurus.js';

export { stopwords };

/**
 * Chinese word segmentation: jieba with its bundled dictionary plus a user dictionary of CPPCC and
 * government terms (cppcc-dict.txt) and every word of the thesaurus, so 居家养老, 医联体 and
 * 大运河文化带 stay whole words and each synonym is one word to map.
 */
let jieba: Jieba | undefined;
function instance(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    const userDict = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cppcc-dict.txt');
    jieba.loadDict(readFileSync(userDict));
    jieba.loadDict(Buffer.from(thesaurusWords().map((w) => `${w} 20000 n`).join('\n')));
  }
  return jieba;
}

/** The words of a text in order (search mode: a long word is followed by its dictionary parts). */
export function segment(text: string, forSearch = false): string[] {
  return forSearch ? instance().cutForSearch(text, true) : instance().cut(text, true);
}

const meaningful = /[\u4e00-\u9fa5]|[a-z]{2,}/;

/** Content words of a text: segmented, lower-cased, without stopwords, punctuation, numbers or single characters. */
export function contentWords(text: string): string[] {
  const words = instance().cut(text.toLowerCase(), true);
  return words.filter((w) => w.length >= 2 && meaningful.test(w) && !stopwords.has(w) && !/^\d+$/.test(w));
}
