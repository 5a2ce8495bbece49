import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseDraft } from '../../src/server/modules/proposals/drafting/analyse.js';
import { distinctSuggestions } from '../../src/server/modules/proposals/drafting/concrete.js';
import { sameIssueScore } from '../../src/server/modules/proposals/drafting/own-earlier.js';
import { draftingSettings, type DraftingCheck } from '../../src/server/modules/proposals/drafting/settings.js';
import { realMessages, realProposals } from '../support/real-texts.js';

/**
 * The drafting checks measured on real texts: how many of the 436 real proposals (Jiangsu 2019) and
 * the 495 real citizen messages (Taidi 2020) each check flags, and agreement with hand labels
 * (drafting-labels.json). A check that flags everything or nothing fails here.
 */
const s = draftingSettings.defaults;
const real = realProposals();
const byNumber = new Map(real.map((p) => [p.number, p]));
const labels = JSON.parse(readFileSync(new URL('./drafting-labels.json', import.meta.url), 'utf8'));
const flags = (d: Parameters<typeof analyseDraft>[0], check: DraftingCheck) => analyseDraft(d, { ...s, checks: [check] }).length > 0;
/** Two of a's suggestions and two of b's, numbered, under a's title and text: a member pasting two ideas into one draft. */
const joined = (a: (typeof real)[number], b: (typeof real)[number]) => ({
  ...a,
  suggestions: [...distinctSuggestions(a.suggestions).slice(0, 2), ...distinctSuggestions(b.suggestions).slice(0, 2)]
    .map((x, i) => `${i + 1}.${x.text.replace(/^\s*[（(]?[一二三四五六七八九十\d①-⑩]+[)）、.．是]?\s*/, '')}`)
    .join('\n'),
});

describe('drafting checks on the real proposals', () => {
  const checks: DraftingCheck[] = ['oneIssue', 'parts', 'concrete', 'title', 'channel'];
  const counts = Object.fromEntries(checks.map((c) => [c, real.filter((p) => flags(p, c)).length])) as Record<DraftingCheck, number>;

  it('flags each check on a plausible share of 436 real proposals (filed, reviewed texts: few weak ones)', () => {
    console.info(`[drafting] of ${real.length} real proposals flagged: ${checks.map((c) => `${c} ${counts[c]}`).join(', ')}`);
    // not nothing, not everything: bands around what was measured and reviewed by hand
    expect(counts.oneIssue).toBeGreaterThan(0);
    expect(counts.oneIssue).toBeLessThan(real.length * 0.03); // filed, reviewed texts: true two-issue proposals are rare
    expect(counts.parts).toBeGreaterThan(10); // published texts without a 分析 heading
    expect(counts.parts).toBeLessThan(real.length * 0.25);
    expect(counts.concrete).toBeGreaterThan(3);
    expect(counts.concrete).toBeLessThan(real.length * 0.1);
    expect(counts.title).toBeGreaterThan(real.length * 0.15); // a quarter of the real titles are slogans
    expect(counts.title).toBeLessThan(real.length * 0.5);
    expect(counts.channel).toBeLessThan(real.length * 0.03);
  });

  it('follows oneIssueMinShare: a lower share counts more single side remarks (funding, a law) as a second issue', () => {
    const at = (share: number) => real.filter((p) => analyseDraft(p, { ...s, checks: ['oneIssue'], oneIssueMinShare: share }).length > 0).length;
    const lower = at(0.15);
    console.info(`[drafting] oneIssue at oneIssueMinShare 0.15: ${lower}, at ${s.oneIssueMinShare}: ${counts.oneIssue}`);
    expect(lower).toBeGreaterThan(counts.oneIssue);
    expect(at(0.9)).toBeLessThanOrEqual(counts.oneIssue);
  });

  it('tells personal requests from proposals: most real citizen messages are flagged for another channel, almost no proposal', () => {
    const messages = realMessages();
    const flagged = messages.filter((m) => flags({ title: m.title, background: m.text, analysis: '', suggestions: '' }, 'channel')).length;
    console.info(`[drafting] channel: ${flagged} of ${messages.length} real citizen messages, ${counts.channel} of ${real.length} proposals`);
    expect(flagged / messages.length).toBeGreaterThan(0.4);
    expect(flagged / messages.length).toBeGreaterThan((counts.channel / real.length) * 10);
  });

  it('finds a second issue in most drafts joining two proposals of different categories', () => {
    const multi = real.filter((p) => distinctSuggestions(p.suggestions).length >= 2);
    let pairs = 0;
    let found = 0;
    multi.forEach((a, i) => {
      const b = multi[(i * 7 + 13) % multi.length];
      if (a.category === b.category) return;
      pairs++;
      if (flags(joined(a, b), 'oneIssue')) found++;
    });
    console.info(`[drafting] oneIssue: ${found} of ${pairs} joined drafts (two categories), ${counts.oneIssue} of ${real.length} real proposals`);
    expect(found / pairs).toBeGreaterThan(0.6);
  });

  it('finds the same author’s proposals on one issue among all same-author pairs, and almost no other pair', () => {
    const generic = new Set(s.genericWords);
    const same = real.flatMap((a) => real.filter((b) => b.index > a.index && b.proposer === a.proposer).map((b) => ({ a, b, score: sameIssueScore(a, b, generic) })));
    const close = same.filter((x) => x.score >= s.ownEarlierScore);
    console.info(`[drafting] ownEarlier: ${close.length} of ${same.length} same-author pairs: ${close.map((x) => `${x.a.title} | ${x.b.title}`).join('; ')}`);
    expect(close.length).toBeGreaterThan(0);
    expect(close.length).toBeLessThan(same.length * 0.05);
    // the pair on illegal fund-raising (hotels; office buildings) is one issue by one author
    expect(close.some((x) => [x.a.number, x.b.number].sort().join() === '0018,0021')).toBe(true);
  });

  it('agrees with the hand labels, and every check has labelled cases on both sides that it gets right', () => {
    const tally = new Map<string, { tp: number; tn: number; fp: number; fn: number }>();
    const add = (check: string, truth: boolean, said: boolean) => {
      const t = tally.get(check) ?? { tp: 0, tn: 0, fp: 0, fn: 0 };
      t[truth ? (said ? 'tp' : 'fn') : said ? 'fp' : 'tn']++;
      tally.set(check, t);
    };
    for (const l of labels.proposals) {
      const p = byNumber.get(l.number);
      expect(p, l.number).toBeTruthy();
      for (const c of checks) if (typeof l[c] === 'boolean') add(c, l[c], flags(p!, c));
    }
    for (const j of labels.joined) add('oneIssue', j.oneIssue, flags(joined(byNumber.get(j.a)!, byNumber.get(j.b)!), 'oneIssue'));
    for (const m of realMessages().slice(0, 40)) add('channel', labels.messages.channel, flags({ title: m.title, background: m.text, analysis: '', suggestions: '' }, 'channel'));
    const report = [...tally].map(([c, t]) => `${c} tp ${t.tp} fp ${t.fp} tn ${t.tn} fn ${t.fn}`);
    console.info(`[drafting] against hand labels: ${report.join('; ')}`);
    for (const [c, t] of tally) {
      expect(t.tp, `${c}: flags no labelled positive`).toBeGreaterThan(0);
      expect(t.tn, `${c}: flags every labelled negative`).toBeGreaterThan(0);
      // balanced accuracy: a check that flags everything or nothing scores 0.5 whatever the mix of labels
      expect((t.tp / (t.tp + t.fn) + t.tn / (t.tn + t.fp)) / 2, `${c} balanced agreement`).toBeGreaterThan(0.55);
    }
    expect([...tally.keys()].sort()).toEqual([...checks].sort());
  });
});
