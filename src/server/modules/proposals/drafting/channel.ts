import { advise, mentioned, type Advice, type DraftText } from './advice.js';
import type { DraftingSettings } from './settings.js';
import { address } from './terms.js';

/** Where else a personal or single-case matter can go, and whether the product has that channel yet. */
export interface ChannelDetail {
  words: string[];
  /** 社情民意信息: a member may turn the draft into a report (the opinions module) */
  opinion: boolean;
  /** 民生诉求: the public-side livelihood-request module; not built yet, so never offered */
  livelihood: false;
}

/**
 * 宜走其他渠道: the draft reads like a personal complaint (我家, 投诉, 退款…) or a single case (3号楼,
 * 该公司…) rather than a problem of general concern. Flagged at `minChannelHits` distinct words.
 */
export function checkChannel(d: DraftText, s: DraftingSettings): Advice<ChannelDetail> | null {
  const text = [d.title, d.background, d.analysis, d.suggestions].join('\n');
  const words = [...mentioned(text, s.personalWords), ...mentioned(text, s.caseWords), ...new Set(text.match(address) ?? [])];
  if (words.length < s.minChannelHits) return null;
  const because = `出现“${words.slice(0, 6).join('”“')}”等${words.length}处个人或个案用语。可转为社情民意信息反映；群众个人诉求宜引导其通过12345热线等民生诉求渠道反映（本平台的民生诉求模块尚未开通）`;
  return advise(s, 'channel', because, { words, opinion: true, livelihood: false });
}
