import type { DraftingCheck } from './labels.js';

/**
 * What the drafting help answers (提交前检查 and 审查辅助). The server's checks build `detail` per
 * check (modules/proposals/drafting), so its routes are not yet typed against these shapes.
 */

/** One subject group of a draft's suggestions (一事一案). */
export interface SubjectGroup {
  items: number[];
  onTitle: boolean;
  texts: string[];
  words: string[];
  category: string | null;
}

/** One piece of advice on a draft, and what it found (a check's `detail`). */
export interface Advice {
  check: DraftingCheck;
  label: string;
  message: string;
  because: string;
  detail?: {
    groups?: SubjectGroup[];
    suggested?: string;
    parts?: string[];
    proposals?: { id: string; title: string; year: number; statusLabel: string; score: number }[];
    words?: string[];
    /** 社情民意: one click makes a report draft of it */
    opinion?: boolean;
    /** 民生诉求: the portal's form opens with the draft's text carried over */
    request?: boolean;
  };
}

/** GET /api/proposals/:id/advice: the advice, and why similar proposals were not filed. */
export interface ReviewAdvice {
  advice: Advice[];
  notFiled: { id: string; title: string; year: number; score: number; stage: string; summary: string; reason: string | null }[];
}

/** POST /api/proposals/drafting/advice: the advice on a draft. */
export interface DraftAdvice {
  advice: Advice[];
}
