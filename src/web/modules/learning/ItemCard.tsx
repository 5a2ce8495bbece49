import { Link } from 'react-router';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { learningPaths } from '@shared/learning/paths';
import type { ItemRow } from '@shared/learning/responses';
import { api } from '../../app/api';
import { can } from '../../app/forms';
import { run } from '../../app/errors';

const excerpt = (s: string, n = 60) => ([...s].length > n ? `${[...s].slice(0, n).join('')}……` : s);

/** Marks an item learned (已学); `onDone` refreshes whatever lists it. */
export function LearnButton({ item, onDone }: { item: ItemRow; onDone(): void }) {
  if (!can(item, 'learn')) return item.learned ? <Tag color="green">已学</Tag> : null;
  return (
    <Button type="primary" size="small" data-testid="learning-learn" aria-label={`标记已学：${item.title}`}
      onClick={async () => { if (await run(() => api.post(pathTo(learningPaths.itemLearned, { id: item.id })), { success: '已标记为已学' })) onDone(); }}>
      已学
    </Button>
  );
}

/** A 每日一学 item as a phone card: title, day and source, the beginning of the text; staff see the figures. */
export function ItemCard({ item, onDone, full = false }: { item: ItemRow; onDone(): void; full?: boolean }) {
  return (
    <Card size="small" style={{ width: '100%' }} data-testid="learning-item-card">
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="start" gap={8}>
          <Link to={`/learning/items/${item.id}`} style={{ fontWeight: 600 }}>{item.title}</Link>
          {item.status !== 'published' && <Tag>{item.statusLabel}</Tag>}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>{item.forDate} · 出处：{item.source}</Typography.Text>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{full ? item.body : excerpt(item.body)}</Typography.Paragraph>
        <Flex justify="space-between" align="center" wrap gap={8}>
          {item.figures ? <Typography.Text data-testid="learning-figures">已学 {item.figures.learned} / {item.figures.members} 人，未学 {item.figures.notLearned} 人</Typography.Text> : <span />}
          <LearnButton item={item} onDone={onDone} />
        </Flex>
      </Flex>
    </Card>
  );
}
