import { advise, type Advice, type DraftText } from './advice.js';
import type { DraftingSettings } from './settings.js';

/** The title without the usual frame: 关于…的建议 → …; 加快…的对策建议 → 加快… */
export function titleCore(title: string, s: Pick<DraftingSettings, 'titlePrefixes'>): string {
  let core = title.replace(/[\s。．.！!；;，,]+$/u, '').trim();
  // a slogan before a dash, then the usual title: 深耕运河文化遗产——关于加强大运河文化带建设的建议
  const dash = core.lastIndexOf('——');
  if (dash >= 0 && s.titlePrefixes.some((p) => core.slice(dash + 2).startsWith(p))) core = core.slice(dash + 2);
  for (const p of s.titlePrefixes) if (core.startsWith(p)) core = core.slice(p.length);
  return core.replace(/(?:的)?(?:几点|若干|对策|工作)?(?:建议|提案|意见)$/u, '').trim();
}

/**
 * 案由: in the usual form when it starts with one of `titlePrefixes` and ends with one of
 * `titleSuffixes` (关于…的建议/提案); otherwise the advice carries a title in that form.
 */
export function checkTitle(d: DraftText, s: DraftingSettings): Advice<{ suggested: string }> | null {
  const title = d.title.replace(/[\s。．.！!；;，,]+$/u, '').trim();
  if (!title) return null;
  const starts = s.titlePrefixes.some((p) => title.startsWith(p));
  const ends = s.titleSuffixes.some((x) => title.endsWith(x));
  if (starts && ends) return null;
  const core = titleCore(title, s);
  if (!core) return null;
  const suggested = `${s.titlePrefixes[0]}${core}${s.titleSuffixes[0]}`;
  const missing = [!starts && `不以“${s.titlePrefixes.join('”或“')}”开头`, !ends && `不以“${s.titleSuffixes.join('”或“')}”结尾`].filter(Boolean).join('，');
  return advise(s, 'title', `案由${missing}；可改为“${suggested}”`, { suggested });
}
