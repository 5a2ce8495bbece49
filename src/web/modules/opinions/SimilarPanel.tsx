import { Form } from 'antd';
import { opinionPaths } from '@shared/opinions/paths';
import { SimilarPanel as Panel, type SimilarItem } from '../../app/similar/SimilarPanel';
import { useSimilar } from '../../app/similar/useSimilar';
import type { SimilarOpinion } from '@shared/opinions/responses';
import { statusColors } from './colors';

const asItem = (r: SimilarOpinion): SimilarItem => ({
  id: r.id,
  title: r.title,
  href: r.readable ? `/opinions/${r.id}` : null,
  meta: `${r.year}年 · ${r.authorText}${r.issueTitle ? ` · 编入${r.issueTitle}` : ''}`,
  tag: { text: r.statusLabel, color: statusColors[r.status] },
  score: r.score,
});

/**
 * 相似信息: earlier reports on the same problem, shown beside the text while it is written or
 * edited, so a member can sharpen a repeated report and the office can combine instead of
 * adopting twice. Reads the title and body of the surrounding form; `excludeId` leaves out the
 * report being edited.
 */
export function SimilarPanel({ excludeId }: { excludeId?: string }) {
  const form = Form.useFormInstance();
  const title = (Form.useWatch('title', form) as string | undefined) ?? '';
  const body = (Form.useWatch('body', form) as string | undefined) ?? '';
  const { items, busy } = useSimilar<SimilarOpinion>(opinionPaths.similar, `${title}\n${body}`, { limit: 6, exclude: excludeId, debounceMs: 600 });
  return (
    <Panel
      title="相似的往期信息"
      hint="输入标题和正文后，这里会列出反映同类问题的往期信息，供参考。"
      empty="未发现相似信息"
      items={items && items.map(asItem)}
      busy={busy}
      maxHeight={460}
      testId="opinion-similar"
      itemTestId="opinion-similar-item"
    />
  );
}
