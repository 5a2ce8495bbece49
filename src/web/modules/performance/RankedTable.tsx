import { Table, Tag, Tooltip } from 'antd';
import type { TableRowSelection } from 'antd/es/table/interface';
import { Link } from 'react-router';
import type { RankedRow } from '@shared/performance/responses';

interface Props<T extends RankedRow> {
  rows: T[] | undefined;
  year: number;
  loading?: boolean;
  categories?: { key: string; label: string }[];
  /** the scheme grades (等次): show the grade column */
  graded?: boolean;
  selection?: TableRowSelection<T>;
  /** more columns after the standard ones (e.g. the reasons to talk) */
  extra?: { title: string; key: string; render(row: T): React.ReactNode }[];
}

/** Members with rank, score, grade, categories and what they lack; the name opens the member's record. */
export function RankedTable<T extends RankedRow>({ rows, year, loading, categories = [], graded = true, selection, extra = [] }: Props<T>) {
  return (
    <Table<T>
      rowKey="memberId" size="small" loading={loading} dataSource={rows} rowSelection={selection}
      pagination={{ pageSize: 50, showTotal: (n) => `共 ${n} 人` }} scroll={{ x: 900 }}
      columns={[
        { title: '名次', dataIndex: 'rank', width: 60 },
        { title: '姓名', dataIndex: 'name', width: 90, render: (v, r) => <Link to={`/performance/members/${r.memberId}?year=${year}`}>{v}</Link> },
        { title: '职务', dataIndex: 'positionLabel', width: 80 },
        { title: '界别', dataIndex: 'sectorName', width: 120 },
        { title: '得分', dataIndex: 'total', width: 70, render: (v) => <strong>{v}</strong> },
        ...(graded ? [{ title: '等次', dataIndex: 'grade', width: 80, render: (g: T['grade']) => (g ? <Tag color={g.commend ? 'green' : g.talk ? 'red' : 'blue'}>{g.label}</Tag> : null) }] : []),
        ...categories.map((c) => ({ title: c.label, key: `cat-${c.key}`, width: 90, render: (_v: unknown, r: T) => r.categories.find((x) => x.key === c.key)?.points ?? 0 })),
        {
          title: '尚未完成', key: 'lacking', width: 220,
          render: (_v, r) => r.lacking.map((q) => <Tooltip key={q.key} title={`已完成 ${q.have}，应完成 ${q.need}`}><Tag color="orange">{q.label}</Tag></Tooltip>),
        },
        ...extra.map((x) => ({ title: x.title, key: x.key, render: (_v: unknown, r: T) => x.render(r) })),
      ]}
    />
  );
}
