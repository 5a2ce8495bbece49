import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { SuggestionRow } from '@shared/supervision/responses';

/** Suggestion states in colour: waiting on the office blue, with units orange, done green. */
export const stateColors: Record<string, string> = {
  draft: 'default', reviewing: 'blue', approved: 'geekblue', handling: 'orange', replied: 'gold', rehandling: 'volcano', following: 'cyan', done: 'green',
};

/** Suggestions as cards: readable on a phone and on a desk alike (title, state, group, units, deadline). */
export function SuggestionCards({ rows, loading }: { rows: SuggestionRow[] | undefined; loading?: boolean }) {
  if (!loading && rows?.length === 0) return <Empty description="暂无监督建议" />;
  return (
    <List
      loading={loading}
      dataSource={rows ?? []}
      grid={{ gutter: 12, xs: 1, sm: 1, md: 2, xl: 3 }}
      renderItem={(s) => (
        <List.Item>
          <Card size="small" data-testid="suggestion-card">
            <Flex vertical gap={4}>
              <Link to={`/supervision/suggestions/${s.id}`} style={{ fontWeight: 600, whiteSpace: 'normal' }}>{s.title}</Link>
              <Flex wrap gap={4}>
                <Tag color={stateColors[s.status]}>{s.statusLabel}</Tag>
                {s.overdue && <Tag color="red">逾期</Tag>}
                {s.handlingRound > 1 && <Tag>第{s.handlingRound}轮办理</Tag>}
              </Flex>
              <Typography.Text type="secondary">{s.groupName}{s.topicTitle ? ` · ${s.topicTitle}` : ''}</Typography.Text>
              {s.units.length > 0 && <Typography.Text>被监督单位：{s.units.join('、')}{s.replyDeadline ? `（${s.replyDeadline}前反馈）` : ''}</Typography.Text>}
            </Flex>
          </Card>
        </List.Item>
      )}
    />
  );
}
