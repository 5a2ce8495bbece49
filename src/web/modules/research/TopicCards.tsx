import type { ReactNode } from 'react';
import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TopicRow } from '@shared/research/responses';

const stateColor: Record<string, string> = { drafting: 'blue', committeeReview: 'orange', officeReview: 'orange', final: 'green' };
const mineColor: Record<string, string> = { volunteered: 'gold', confirmed: 'green', declined: 'default' };
const mineLabel: Record<string, string> = { volunteered: '已报名，待确认', confirmed: '我在调研组', declined: '报名未确认' };

/** Topics as cards (phones first): title, source, group size against its limit, the report's state, overdue items. */
export function TopicCards({ rows, loading, empty, extra, testId = 'research-topic' }: { rows: TopicRow[] | undefined; loading?: boolean; empty: string; extra?: (t: TopicRow) => ReactNode; testId?: string }) {
  if (rows && rows.length === 0) return <Empty description={empty} />;
  return (
    <List
      loading={loading}
      dataSource={rows ?? []}
      renderItem={(t) => (
        <List.Item style={{ padding: '6px 0' }}>
          <Card size="small" style={{ width: '100%' }} data-testid={testId}>
            <Flex vertical gap={6}>
              <Link to={`/research/topics/${t.id}`} style={{ fontSize: 16, fontWeight: 600, whiteSpace: 'normal' }}>{t.title}</Link>
              <Flex wrap gap={4}>
                <Tag>{t.formLabel}</Tag>
                <Tag color={stateColor[t.status]}>报告：{t.statusLabel}</Tag>
                {t.myState && <Tag color={mineColor[t.myState]}>{mineLabel[t.myState]}</Tag>}
                {t.overdueItems > 0 && <Tag color="red" data-testid="overdue-items">{t.overdueItems}项建议逾期未答复</Tag>}
              </Flex>
              <Typography.Text type="secondary">
                {t.specialCommitteeName || t.sourceLabel} · 调研组 {t.groupSize}/{t.groupLimit} 人{t.leadName ? ` · 组长 ${t.leadName}` : ''}
              </Typography.Text>
              {extra?.(t)}
            </Flex>
          </Card>
        </List.Item>
      )}
    />
  );
}
