import { useEffect, useState } from 'react';
import { Card, Empty, List, Progress, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, query } from '../../app/api';
import { statusColors } from './types';

/** One row of GET /api/proposals/similar (src/server/modules/proposals/similar/suggestions.ts). */
interface Similar {
  id: string;
  number: string | null;
  title: string;
  score: number;
  year: number;
  status: string;
  statusLabel: string;
  /** how it was handled, e.g. 已办结 · 区教育局主办 */
  handled: string;
}

/** Wait this long after the last keystroke: one request per pause, not per character. */
const DEBOUNCE_MS = 500;
/** Fewer characters say too little about the problem to look for it. */
const MIN_CHARS = 6;
/** Below this a match shares words, not a problem: listing it would only bury the real ones. */
const MIN_SCORE = 0.15;

/**
 * The proposals of this session and past years closest to `text`, asked again a moment after typing
 * stops; null before there is enough text. A failed look-up only empties the list: it must never get
 * in the way of writing.
 */
export function useSimilarProposals(text: string, excludeId?: string) {
  const [items, setItems] = useState<Similar[] | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if ([...text.trim()].length < MIN_CHARS) {
      setItems(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      setBusy(true);
      api
        .get<Similar[]>(`/proposals/similar${query({ text: [...text].slice(0, 3000).join(''), limit: 8, exclude: excludeId })}`)
        .then((r) => current && setItems(r.filter((x) => x.score >= MIN_SCORE)))
        .catch(() => current && setItems([]))
        .finally(() => current && setBusy(false));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, excludeId]);
  return { items, busy };
}

/**
 * 相似提案: while a member writes, the closest proposals of this session and past years, with
 * number, year, state and score, so they can open one (and co-sign or sharpen theirs) instead of
 * duplicating it.
 */
export function SimilarPanel({ items, busy }: ReturnType<typeof useSimilarProposals>) {
  return (
    <Card size="small" title="相似提案（本届与往年）" extra={busy && <Spin size="small" />} data-testid="similar-panel" styles={{ body: { maxHeight: 560, overflowY: 'auto' } }}>
      {!items ? (
        <Typography.Text type="secondary">输入案由或内容后，这里会列出本次会议和往年的相似提案，可先查看再决定是否联名或补充。</Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂未发现相似提案" />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(s) => (
            <List.Item data-testid="similar-item">
              <div style={{ width: '100%', minWidth: 0 }}>
                <Link to={`/proposals/${s.id}`} target="_blank">
                  {s.title}
                </Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[s.number ?? '未编号', `${s.year}年`].join(' · ')}
                  </Typography.Text>{' '}
                  <Tag color={statusColors[s.status]}>{s.statusLabel}</Tag>
                </div>
                {s.handled !== s.statusLabel && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                    {s.handled}
                  </Typography.Text>
                )}
                <Progress percent={Math.round(s.score * 100)} size="small" format={(p) => `相似度 ${p}%`} />
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** On a phone the panel sits below the form: this line under the title says it has found something. */
export function SimilarHint({ items }: { items: Similar[] | null }) {
  if (!items?.length) return null;
  const best = items[0];
  return (
    <Typography.Paragraph type="warning" style={{ marginTop: -12 }} data-testid="similar-hint">
      发现{items.length}件相似提案，最相似：
      <Link to={`/proposals/${best.id}`} target="_blank">
        {best.title}
      </Link>
      （相似度{Math.round(best.score * 100)}%），详见页面下方
    </Typography.Paragraph>
  );
}
