import { termCounts } from '../../src/server/platform/text/analyzer.js';
import { rng } from '../../src/server/demo/people.js';
import type { RealProposal } from './quality.js';

/**
 * A province-scale corpus made from the real proposals by recombining their real sentences: each
 * synthetic proposal takes a real proposal as its topic, keeps its title (sometimes with the title
 * of a sibling in the same category joined on) and draws its body sentences mostly from that
 * proposal and partly from others of its category. Docs with the same topic form a same-issue
 * group, which gives a recall figure at scale too.
 */
export interface SyntheticDoc {
  id: number;
  topic: number;
  title: string;
  sentences: number[];
}

export function splitSentences(text: string): string[] {
  return text
    .replace(/\s+/g, '')
    .split(/(?<=[。！？；])/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 8);
}

export class Corpus {
  readonly sentences: string[] = [];
  /** term counts of each distinct sentence, analysed once (a phrase never spans 。, so this equals analysing whole documents) */
  readonly sentenceTerms: Map<string, number>[] = [];
  readonly bySource: number[][] = [];
  readonly byCategory = new Map<string, number[]>();

  constructor(readonly real: RealProposal[]) {
    real.forEach((p, i) => {
      const ids = splitSentences(p.content).map((s) => {
        this.sentences.push(s);
        this.sentenceTerms.push(termCounts(s));
        return this.sentences.length - 1;
      });
      this.bySource.push(ids);
      this.byCategory.set(p.category, [...(this.byCategory.get(p.category) ?? []), i]);
    });
  }

  *generate(count: number, seed = 2019): Generator<SyntheticDoc> {
    const r = rng(seed);
    for (let id = 0; id < count; id++) {
      const topic = Math.floor(r() * this.real.length);
      const p = this.real[topic];
      const siblings = this.byCategory.get(p.category)!;
      const own = this.bySource[topic];
      const n = 8 + Math.floor(r() * 16);
      const sentences: number[] = [];
      for (let i = 0; i < n; i++) {
        const from = r() < 0.7 || own.length === 0 ? own : this.bySource[siblings[Math.floor(r() * siblings.length)]];
        if (from.length) sentences.push(from[Math.floor(r() * from.length)]);
      }
      const title = r() < 0.3 ? `${p.title}——兼论${this.real[siblings[Math.floor(r() * siblings.length)]].title.replace(/^关于/, '')}` : p.title;
      yield { id, topic, title, sentences };
    }
  }

  body(doc: SyntheticDoc) {
    return doc.sentences.map((i) => this.sentences[i]).join('');
  }
}
