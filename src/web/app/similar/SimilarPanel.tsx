import type { ReactNode } from 'react';
import { Card, Empty, List, Progress, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';

/** One similar record as the panel shows it; each module maps its own rows to this. */
export interface SimilarItem {
  id: string;
  title: string;
  /** the record's page, or null when this reader may not open it */
  href: string | null;
  /** a secondary line: number, year, author … */
  meta: string;
  tag: { text: string; color: string };
  /** a second secondary line (how it was handled), when it says more than the tag */
  note?: string;
  /** 0–1 */
  score: number;
  /** more the module has to say, e.g. how a similar proposal ended */
  extra?: ReactNode;
}

interface Props {
  title: string;
  /** what the panel says before there is enough text */
  hint: string;
  empty: string;
  items: SimilarItem[] | null;
  busy: boolean;
  maxHeight: number;
  testId: string;
  itemTestId: string;
}

/**
 * 相似提案 / 相似信息: the records closest to what is being written, shown beside the form with their
 * state and score, so a writer can open one (co-sign, sharpen) and the office can merge instead of
 * handling the same problem twice.
 */
export function SimilarPanel({ title, hint, empty, items, busy, maxHeight, testId, itemTestId }: Props) {
  return (
    <Card size="small" title={title} extra={busy && <Spin size="small" />} data-testid={testId} styles={{ body: { maxHeight, overflowY: 'auto' } }}>
      {!items ? (
        <Typography.Text type="secondary">{hint}</Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <List size="small" dataSource={items} renderItem={(s) => <Row item={s} testId={itemTestId} />} />
      )}
    </Card>
  );
}

function Row({ item: s, testId }: { item: SimilarItem; testId: string }) {
  const small = (text: ReactNode, block = false) => (
    <Typography.Text type="secondary" style={{ fontSize: 12, display: block ? 'block' : undefined }}>
      {text}
    </Typography.Text>
  );
  return (
    <List.Item data-testid={testId}>
      <div style={{ width: '100%', minWidth: 0 }}>
        <div>
          {s.href ? (
            <Link to={s.href} target="_blank">
              {s.title}
            </Link>
          ) : (
            s.title
          )}
        </div>
        <div>
          {small(s.meta)} <Tag color={s.tag.color}>{s.tag.text}</Tag>
        </div>
        {s.note && small(s.note, true)}
        {s.extra}
        <Progress aria-label="相似度" percent={Math.round(s.score * 100)} size="small" format={(p) => `相似度 ${p}%`} />
      </div>
    </List.Item>
  );
}
