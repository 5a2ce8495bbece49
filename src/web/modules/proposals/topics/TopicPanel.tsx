import { useState } from 'react';
import { Button, Card, Empty, Input, List, Tag, Typography } from 'antd';
import { topicPaths, type PublishedTopic, type PublishedTopics } from '@shared/proposals/topics';
import { useGet } from '../../../app/query';
import { useDebounced } from '../../../app/similar/useSimilar';

/** Below this a topic shares a word with the text, not its subject: it is not marked as close. */
const CLOSE = 0.2;
/** How many topics the panel shows before 查看全部. */
const FIRST = 6;

/**
 * The year's published reference topics for a proposal being written: once there is text, those
 * closest to it come first (the server ranks them); before that, the list's order.
 */
export function useReferenceTopics(text: string) {
  const settled = useDebounced([...text.trim()].slice(0, 3000).join(''), 500);
  const { data, isFetching } = useGet<PublishedTopics>(topicPaths.published, settled.length >= 4 ? { text: settled } : undefined, { quiet: true, keepPrevious: true });
  return { year: data?.year ?? null, items: data?.items ?? null, busy: isFetching };
}

const matches = (t: PublishedTopic, q: string) => !q || [t.title, t.explanation, t.category, t.unitName ?? ''].some((s) => s.includes(q));

interface Props {
  topics: ReturnType<typeof useReferenceTopics>;
  chosen: string | null | undefined;
  onChoose(id: string | null): void;
}

/**
 * 提案参考选题 beside the form: the topics the proposal office published for the year, searchable,
 * the closest to what the member writes first; 选用 sets the one the proposal answers.
 */
export function TopicPanel({ topics: { year, items }, chosen, onChoose }: Props) {
  const [q, setQ] = useState('');
  const [all, setAll] = useState(false);
  if (items && !items.length) return null;
  const found = (items ?? []).filter((t) => matches(t, q.trim()));
  const shown = all || q ? found : found.slice(0, FIRST);
  return (
    <Card size="small" title={year ? `${year}年度提案参考选题` : '提案参考选题'} data-testid="topic-panel">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        提案委发布的参考选题，与您所写内容相近的排在前面；提案回应某个选题时可选用它。
      </Typography.Paragraph>
      <Input.Search aria-label="搜索参考选题" placeholder="输入关键词查找选题" allowClear onChange={(e) => setQ(e.target.value)} style={{ marginBottom: 8 }} data-testid="topic-search" />
      {items && !found.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合的选题" />
      ) : (
        <List
          size="small"
          loading={!items}
          dataSource={shown}
          renderItem={(t) => (
            <List.Item data-testid="topic-item" style={{ display: 'block' }}>
              <div style={{ whiteSpace: 'normal' }}>
                {t.serial}. {t.title}
              </div>
              <div>
                <Tag>{t.category}</Tag>
                {t.unitName && <Tag>{t.unitName}</Tag>}
                {(t.score ?? 0) >= CLOSE && <Tag color="blue">与内容相近</Tag>}
              </div>
              {t.explanation && (
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {t.explanation}
                </Typography.Text>
              )}
              {chosen === t.id ? (
                <Button size="small" onClick={() => onChoose(null)} aria-label={`已选用（取消）：${t.title}`} data-testid="topic-unchoose">
                  已选用（取消）
                </Button>
              ) : (
                <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onChoose(t.id)} aria-label={`选用此选题：${t.title}`} data-testid="topic-choose">
                  选用此选题
                </Button>
              )}
            </List.Item>
          )}
        />
      )}
      {!all && !q && found.length > FIRST && (
        <Button type="link" style={{ padding: 0 }} onClick={() => setAll(true)}>
          查看全部{found.length}个选题
        </Button>
      )}
    </Card>
  );
}
