import { Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import { Link } from 'react-router';
import { formatDay } from '../../app/forms';
import { labelOf } from '@shared/labels';
import { sendStatuses } from '@shared/opinions/labels';
import type { OpinionRow } from '@shared/opinions/responses';
import { statusColors } from './colors';

interface Props extends Pick<TableProps<OpinionRow>, 'rowSelection' | 'loading'> {
  rows: OpinionRow[] | undefined;
  total: number;
  page: { page: number; pageSize: number };
  onPage(page: { page: number; pageSize: number }): void;
  /** show the committee a report comes from (the parent committee's queue) */
  showCommittee?: boolean;
  extraColumns?: TableColumnsType<OpinionRow>;
}

/** The list of reports, as every page shows it: state, author, issue, highest adoption, instructions. */
export function OpinionTable({ rows, total, page, onPage, showCommittee, extraColumns = [], ...rest }: Props) {
  const columns: TableColumnsType<OpinionRow> = [
    // a number is one token: never broken across lines ("2026-/13")
    { title: '编号', dataIndex: 'serial', width: 96, onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (s: number | null, o) => (s ? `${o.year}-${s}` : '—') },
    { title: '标题', dataIndex: 'title', ellipsis: true, render: (t: string, o) => <Link to={`/opinions/${o.id}`}>{t}</Link> },
    ...(showCommittee ? [{ title: '来源', dataIndex: 'committeeName', width: 110 }] : []),
    { title: '报送人', dataIndex: 'authorText', width: 150, ellipsis: true },
    { title: '类别', dataIndex: 'category', width: 110 },
    { title: '状态', dataIndex: 'statusLabel', width: 90, render: (l: string, o) => <Tag color={statusColors[o.status]}>{l}</Tag> },
    {
      title: '采用 / 批示',
      key: 'credit',
      width: 150,
      render: (_, o) => (
        <>
          {o.topLevelLabel ? <Tag color="green">{o.topLevelLabel}采用</Tag> : null}
          {o.instructionCount ? <Tag color="red">批示{o.instructionCount}</Tag> : null}
          {!o.topLevelLabel && !o.instructionCount ? <Typography.Text type="secondary">—</Typography.Text> : null}
        </>
      ),
    },
    { title: '上报', key: 'up', width: 110, render: (_, o) => (o.sentUp ? <Tag>{labelOf(sendStatuses, o.sentUp.status)}</Tag> : '—') },
    { title: '报送日期', dataIndex: 'submittedAt', width: 110, render: formatDay },
    ...extraColumns,
  ];
  return (
    <Table<OpinionRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 1100 }}
      data-testid="opinions-table"
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total,
        showSizeChanger: true,
        showTotal: (n) => `共 ${n} 篇`,
        onChange: (p, pageSize) => onPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
      }}
      {...rest}
    />
  );
}
