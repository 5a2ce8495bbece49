import { advise, mentioned, type Advice, type DraftText } from './advice.js';
import type { DraftingSettings } from './settings.js';
import { address } from './terms.js';

/** Where else a personal or single-case matter can go in the product. */
export interface ChannelDetail {
  words: string[];
  /** 社情民意信息: one click turns the draft into the member's own report draft (the opinions module) */
  opinion: true;
  /**
   * 民生诉求: the portal's public form (the requests module). A request is the sender's own — their
   * phone, their place — so nothing is filed for them: the form opens with the draft's text carried
   * over, to be completed and sent by whoever has the matter (the member for their own, or the resident).
   */
  request: true;
}

/**
 * 宜走其他渠道: the draft reads like a personal complaint (我家, 投诉, 退款…) or a single case (3号楼,
 * 该公司…) rather than a problem of general concern. Flagged at `minChannelHits` distinct words.
 */
export function checkChannel(d: DraftText, s: DraftingSettings): Advice<ChannelDetail> | null {
  const text = [d.title, d.background, d.analysis, d.suggestions].join('\n');
  const words = [...mentioned(text, s.personalWords), ...mentioned(text, s.caseWords), ...new Set(text.match(address) ?? [])];
  if (words.length < s.minChannelHits) return null;
  const because = `出现“${words.slice(0, 6).join('”“')}”等${words.length}处个人或个案用语。可转为社情民意信息反映；个人或个案诉求可通过门户网站“反映民生诉求”提交，由委员工作室跟进办理，凭回执码查询进展`;
  return advise(s, 'channel', because, { words, opinion: true, request: true });
}
