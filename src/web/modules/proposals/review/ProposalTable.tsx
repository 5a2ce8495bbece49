import { Space, Table, Tag, type TableColumnsType, type TableProps } from 'antd';
import { Link } from 'react-router';
import type { ProposalRow } from '@shared/proposals/responses';
import { formatDay, formatTime } from '../../../app/forms';

export type { ProposalRow };

const columns: TableColumnsType<ProposalRow> = [
  // a number is one token: never broken across lines
  { title: '编号', dataIndex: 'numberText', width: 190, onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (n: string | null) => n ?? '—' },
  {
    title: '案由',
    dataIndex: 'title',
    // the title is what people read: it keeps its room, the table scrolls sideways on narrow screens
    minWidth: 280,
    render: (t: string, p) => (
      <Space size={4} wrap>
        <Link to={`/proposals/${p.id}`}>{t}</Link>
        {p.isKey && <Tag color="red">重点</Tag>}
        {p.topicTitle && <Tag color="blue" title={`参考选题：${p.topicTitle}`}>选题</Tag>}
      </Space>
    ),
  },
  { title: '提案人', dataIndex: 'proposer', width: 160, ellipsis: true },
  { title: '类别', dataIndex: 'category', width: 90 },
  { title: '状态', dataIndex: 'statusLabel', width: 90, render: (s: string) => <Tag>{s}</Tag> },
  { title: '提交时间', dataIndex: 'submittedAt', width: 140, render: formatTime },
  { title: '承办单位', key: 'units', width: 200, render: (_, p) => p.units.map((u) => `${u.name}（${u.roleLabel}）`).join('、') || '—' },
  {
    title: '答复期限',
    key: 'deadline',
    width: 130,
    render: (_, p) => (p.replyDeadline ? <span style={{ color: p.overdue ? '#cf1322' : undefined }}>{formatDay(p.replyDeadline)}{p.overdue ? ' 已逾期' : ''}</span> : '—'),
  },
];

/** The proposals list used by the review, unit and overview pages; columns can be left out by key. */
export function ProposalTable({ hide = [], ...props }: TableProps<ProposalRow> & { hide?: string[] }) {
  return <Table<ProposalRow> rowKey="id" size="small" scroll={{ x: 1260 }} columns={columns.filter((c) => !hide.includes(String(c.key ?? (c as { dataIndex?: string }).dataIndex)))} {...props} />;
}
