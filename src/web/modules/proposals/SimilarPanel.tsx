import { Typography } from 'antd';
import { Link } from 'react-router';
import { proposalPaths } from '@shared/proposals/paths';
import type { SimilarProposal } from '@shared/proposals/responses';
import { SimilarPanel, type SimilarItem } from '../../app/similar/SimilarPanel';
import { useSimilar } from '../../app/similar/useSimilar';
import { statusColor } from './colors';
import { OutcomeView } from './drafting/OutcomeView';

/** Below this a match shares words, not a problem: listing it would only bury the real ones. */
const MIN_SCORE = 0.15;

/** The proposals of this session and past years closest to `text`; null before there is enough text. */
export function useSimilarProposals(text: string, excludeId?: string) {
  const { items, busy } = useSimilar<SimilarProposal>(proposalPaths.similar, text, { limit: 8, exclude: excludeId });
  return { items: items && items.filter((x) => x.score >= MIN_SCORE), busy };
}

/** A past year's proposal says so, and whose list it came from (another committee's imported history): 往年 · 江苏省政协 · 2019年. */
const origin = (s: SimilarProposal) => [s.historical ? '往年' : '本届', s.committee, `${s.year}年`].join(' · ');

const asItem = (s: SimilarProposal): SimilarItem => ({
  id: s.id,
  title: s.title,
  href: `/proposals/${s.id}`,
  meta: [origin(s), s.number ?? '未编号'].join(' · '),
  tag: { text: s.statusLabel, color: statusColor(s.status) },
  note: s.handled !== s.statusLabel ? s.handled : undefined,
  score: s.score,
  extra: <OutcomeView o={s.outcome} />,
});

/**
 * 相似提案: while a member writes, the closest proposals of this session and past years, with
 * number, year, state, score and how each ended (the reply's class and what it said, the rating),
 * so they can open one (and co-sign or sharpen theirs) instead of duplicating it.
 */
export function SimilarProposalsPanel({ items, busy }: ReturnType<typeof useSimilarProposals>) {
  return (
    <SimilarPanel
      title="相似提案（本届与往年）"
      hint="输入案由或内容后，这里会列出本次会议和往年的相似提案，可先查看再决定是否联名或补充。"
      empty="暂未发现相似提案"
      items={items && items.map(asItem)}
      busy={busy}
      maxHeight={560}
      testId="similar-panel"
      itemTestId="similar-item"
    />
  );
}

/** On a phone the panel sits below the form: this line under the title says it has found something. */
export function SimilarHint({ items }: { items: SimilarProposal[] | null }) {
  if (!items?.length) return null;
  const best = items[0];
  return (
    <Typography.Paragraph type="warning" style={{ marginTop: -12 }} data-testid="similar-hint">
      发现{items.length}件相似提案，最相似：
      <Link to={`/proposals/${best.id}`} target="_blank">
        {best.title}
      </Link>
      （{best.historical ? `${origin(best)}，` : ''}相似度{Math.round(best.score * 100)}%），详见页面下方
    </Typography.Paragraph>
  );
}
