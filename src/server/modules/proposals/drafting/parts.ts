import { advise, type Advice, type DraftText } from './advice.js';
import { writtenLength } from './items.js';
import type { DraftingSettings } from './settings.js';

const partNames = { background: '情况', analysis: '分析', suggestions: '建议' } as const;

/** 情况/分析/建议: each part present and long enough to say something (`minPartChars`). */
export function checkParts(d: DraftText, s: DraftingSettings): Advice<{ parts: (keyof typeof partNames)[] }> | null {
  const short = (Object.keys(partNames) as (keyof typeof partNames)[]).filter((k) => writtenLength(d[k]) < s.minPartChars);
  if (!short.length) return null;
  const because = short.map((k) => (writtenLength(d[k]) === 0 ? `“${partNames[k]}”为空` : `“${partNames[k]}”只有${writtenLength(d[k])}个字`)).join('；');
  return advise(s, 'parts', `${because}（每部分至少${s.minPartChars}个字）`, { parts: short });
}
