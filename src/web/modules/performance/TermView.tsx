import { Collapse, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { performancePaths } from '@shared/performance/paths';
import type { TermFile } from '@shared/performance/responses';
import { useGet } from '../../app/query';

/** 一届一人一档: the member's whole term — each year's score and grade, and every entry by category. */
export function TermView({ memberId, year }: { memberId: string; year: number }) {
  const { data, isPending } = useGet<TermFile>(pathTo(performancePaths.term, { memberId }), { year });
  if (isPending) return <Skeleton active />;
  if (!data) return <Empty />;
  return (
    <Flex vertical gap={16} data-testid="term-file">
      <Typography.Text type="secondary">{data.term.name ?? '本届'}：{data.term.from} 至 {data.term.to ?? '今'}</Typography.Text>
      <Table
        rowKey="year" size="small" pagination={false} dataSource={data.years}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '得分', dataIndex: 'total', width: 80, render: (v) => <strong>{v}</strong> },
          { title: '等次', dataIndex: 'grade', width: 90, render: (g) => (g ? <Tag color={g.commend ? 'green' : g.talk ? 'red' : 'blue'}>{g.label}</Tag> : '—') },
          { title: '履职记录', dataIndex: 'entries', width: 90 },
          { title: '未完成的基本要求', dataIndex: 'lacking', render: (l: TermFile['years'][number]['lacking']) => (l.length ? l.map((q) => <Tag key={q.key} color="orange">{q.label}</Tag>) : '已全部完成') },
          { title: '考核办法', dataIndex: 'rulesName' },
        ]}
      />
      <Collapse
        items={data.categories.map((c) => ({
          key: c.label,
          label: `${c.label}（${c.count}）`,
          children: c.items.length ? (
            <Table
              rowKey="id" size="small" dataSource={c.items} pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: '日期', dataIndex: 'day', width: 110 },
                { title: '事项', dataIndex: 'kindLabel', render: (v, e) => (e.link ? <Link to={e.link}>{v}</Link> : <span title="无权查看来源记录">{v}</span>) },
                { title: '角色', dataIndex: 'part', width: 100, render: (v) => (v === 'lead' ? '本人/主笔' : '参与') },
                { title: '说明', dataIndex: 'note' },
              ]}
            />
          ) : <Typography.Text type="secondary">本届暂无</Typography.Text>,
        }))}
      />
    </Flex>
  );
}
