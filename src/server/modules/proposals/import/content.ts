/**
 * Turning a published proposal back into the platform's fields. Published lists give the whole
 * text in one column, copied out of PDFs: lines broken mid-sentence, paragraphs marked by runs
 * of spaces, and the three parts headed 调研情况： / 问题分析： / 具体建议：.
 */

/** Rejoins lines broken mid-sentence and turns space-run paragraph marks into line breaks. */
export function tidyText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \u00a0\u3000\t]{2,}/g, '\n')
    .replace(/([^。！？；：:!?;\n])\n(?=[^\n])/g, '$1')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

const headings = {
  background: /调研情况[:：]/,
  analysis: /问题分析[:：]/,
  suggestions: /(具体建议|对策建议|建议)[:：]/,
};

/**
 * Splits the text into 情况 / 分析 / 建议 at its headings (in whatever order they come). Text
 * without headings stays whole in 情况, so nothing is lost.
 */
export function splitSections(raw: string): { background: string; analysis: string; suggestions: string } {
  const text = tidyText(raw);
  const found: { key: keyof typeof headings; at: number; length: number }[] = [];
  for (const key of Object.keys(headings) as (keyof typeof headings)[]) {
    // 建议： may also appear inside the analysis; the first heading after the others is the section
    const after = key === 'suggestions' ? Math.max(0, ...found.map((f) => f.at + f.length)) : 0;
    const m = headings[key].exec(text.slice(after));
    if (m) found.push({ key, at: after + m.index, length: m[0].length });
  }
  const out = { background: '', analysis: '', suggestions: '' };
  if (found.length === 0) return { ...out, background: text };
  found.sort((a, b) => a.at - b.at);
  const lead = text.slice(0, found[0].at).trim();
  found.forEach((f, i) => {
    const end = i + 1 < found.length ? found[i + 1].at : text.length;
    out[f.key] = [out[f.key], text.slice(f.at + f.length, end).trim()].filter(Boolean).join('\n');
  });
  if (lead) out.background = [lead, out.background].filter(Boolean).join('\n');
  return out;
}

/** Bodies that sign as one (parties, special committees, people's organisations), not persons. */
const BODY_SUFFIX = /(委员会|省委|市委|区委|县委|工商联|总工会|妇联|团委|科协|侨联|台联|学社|小组|联组|界别|协会|学会)$/;

/**
 * How a published proposer reads: `张三` an individual, `张三等2人` a joint proposal (first
 * proposer named), `民盟江苏省委` a collective proposal of a body.
 */
export function parseProposer(text: string): { authorType: 'individual' | 'joint' | 'collective'; firstName: string | null; collectiveBody: string | null } {
  const name = text.trim();
  const joint = /^(.+?)等(\d+)人$/.exec(name);
  if (joint) return { authorType: 'joint', firstName: joint[1].trim(), collectiveBody: null };
  if (BODY_SUFFIX.test(name) || [...name].length > 5) return { authorType: 'collective', firstName: null, collectiveBody: name };
  return { authorType: 'individual', firstName: name, collectiveBody: null };
}
