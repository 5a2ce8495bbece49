import type { ReactNode } from 'react';
import { List, Space, Tag, Typography, type PaginationProps } from 'antd';
import { Link } from 'react-router';
import { formatDay, formatTime } from '../../app/forms';
import type { ProposalRow } from '@shared/proposals/responses';
import { statusColor } from './colors';

/**
 * Proposals as a list of small cards: what a phone shows instead of the wide table, and the
 * invitation list everywhere (each card carries its own buttons via `actions`).
 */
export function ProposalCards({ rows, loading, pagination, actions, testId }: { rows?: ProposalRow[]; loading: boolean; pagination: PaginationProps; actions?: (p: ProposalRow) => ReactNode; testId: string }) {
  return (
    <List<ProposalRow>
      loading={loading}
      dataSource={rows}
      pagination={rows?.length ? { ...pagination, simple: true, size: 'small' } : false}
      locale={{ emptyText: '暂无提案' }}
      data-testid={testId}
      renderItem={(p) => (
        <List.Item key={p.id} style={{ display: 'block' }}>
          <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
            <Link to={`/proposals/${p.id}`} style={{ fontWeight: 500, wordBreak: 'break-all' }}>
              {p.title}
            </Link>
            <Space size={[4, 4]} wrap>
              <Tag color={statusColor(p.status)}>{p.statusLabel}</Tag>
              {p.isKey && <Tag color="red">重点</Tag>}
              {p.topicTitle && <Tag color="blue">选题：{p.topicTitle}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[p.numberText, p.category, p.proposer, p.submittedAt ? `提交于 ${formatTime(p.submittedAt)}` : null].filter(Boolean).join(' · ')}
              </Typography.Text>
            </Space>
            {p.units.length > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                承办：{p.units.map((u) => `${u.name}（${u.roleLabel}）`).join('、')}
              </Typography.Text>
            )}
            {p.replyDeadline && (
              <Typography.Text type={p.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                答复期限 {formatDay(p.replyDeadline)}
                {p.overdue ? ' 已逾期' : ''}
              </Typography.Text>
            )}
            {actions?.(p)}
          </Space>
        </List.Item>
      )}
    />
  );
}
