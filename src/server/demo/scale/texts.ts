import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../platform/csv.js';
import { splitSections } from '../../modules/proposals/import/content.js';

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../data');

/** Sentences of a text (。！？； end one), long enough to say something. */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, '')
    .split(/(?<=[。！？；])/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 8);
}

interface Topic {
  title: string;
  category: string;
  parts: [string[], string[], string[]];
}

export interface MadeProposal {
  title: string;
  category: string;
  background: string;
  analysis: string;
  suggestions: string;
}

/**
 * Proposals and opinion reports made of real sentences (the way bench/similarity/corpus.ts makes
 * its million): each takes a real proposal (or citizen message) as its topic, keeps its title and
 * category, and draws each part's sentences mostly from the topic's own part and some from others
 * of its category. Texts of one topic read as the same issue raised again, as real lists have.
 */
export class RealTexts {
  private readonly topics: Topic[];
  private readonly byCategory = new Map<string, number[]>();
  private readonly messages: { title: string; category: string; sentences: string[] }[];
  private readonly messagesByCategory = new Map<string, number[]>();

  constructor() {
    const proposals = parseCsv(readFileSync(path.join(dataDir, 'jszx2019_jiangsu_cppcc_proposals.csv'), 'utf8'));
    this.topics = proposals
      .map((p) => {
        const s = splitSections(p.content);
        // text without headings is all 情况: share it out so every part has sentences
        const all = sentencesOf(s.background);
        const parts: Topic['parts'] = s.analysis || s.suggestions ? [all, sentencesOf(s.analysis), sentencesOf(s.suggestions)] : [all.slice(0, all.length / 3), all.slice(all.length / 3, (2 * all.length) / 3), all.slice((2 * all.length) / 3)];
        return { title: p.reason.trim(), category: p.type.trim(), parts };
      })
      .filter((t) => t.title && t.parts.every((x) => x.length > 0));
    this.topics.forEach((t, i) => this.byCategory.set(t.category, [...(this.byCategory.get(t.category) ?? []), i]));
    const messages = parseCsv(readFileSync(path.join(dataDir, 'taidi2020_wenzheng_messages_labeled.csv'), 'utf8'));
    this.messages = messages
      .map((m) => ({ title: m.subject.trim(), category: m.category_l1 === '卫生计生' ? '卫生健康' : m.category_l1.trim(), sentences: sentencesOf(m.detail) }))
      .filter((m) => m.title && m.sentences.length > 0);
    this.messages.forEach((m, i) => this.messagesByCategory.set(m.category, [...(this.messagesByCategory.get(m.category) ?? []), i]));
  }

  get topicCount() {
    return this.topics.length;
  }

  /** The title of a real proposal, for what a meeting or visit was about. */
  topicTitle(r: () => number): string {
    return this.topics[Math.floor(r() * this.topics.length)].title.replace(/^关于/, '').replace(/的(建议|提案)$/, '');
  }

  /** A proposal on real topic `topic` (any integer; taken modulo the list). */
  proposal(r: () => number, topic: number): MadeProposal {
    const t = this.topics[topic % this.topics.length];
    const siblings = this.byCategory.get(t.category)!;
    const part = (k: 0 | 1 | 2, min: number, spread: number) => {
      const n = min + Math.floor(r() * spread);
      const out: string[] = [];
      for (let i = 0; i < n; i++) {
        const from = r() < 0.75 ? t : this.topics[siblings[Math.floor(r() * siblings.length)]];
        out.push(from.parts[k][Math.floor(r() * from.parts[k].length)]);
      }
      return out.join('');
    };
    const sibling = this.topics[siblings[Math.floor(r() * siblings.length)]];
    const title = r() < 0.25 && sibling !== t ? `${t.title}——兼论${sibling.title.replace(/^关于/, '')}` : t.title;
    return { title, category: t.category, background: part(0, 2, 4), analysis: part(1, 2, 4), suggestions: part(2, 3, 5) };
  }

  /** A 社情民意 report on a real citizen message's issue, with sentences of its category. */
  opinion(r: () => number): { title: string; category: string; body: string } {
    const m = this.messages[Math.floor(r() * this.messages.length)];
    const siblings = this.messagesByCategory.get(m.category)!;
    const n = 3 + Math.floor(r() * 6);
    const body: string[] = [];
    for (let i = 0; i < n; i++) {
      const from = r() < 0.7 ? m : this.messages[siblings[Math.floor(r() * siblings.length)]];
      body.push(from.sentences[Math.floor(r() * from.sentences.length)]);
    }
    return { title: `关于${m.title.replace(/^关于/, '')}的情况反映`, category: m.category, body: body.join('') };
  }
}
