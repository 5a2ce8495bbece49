import { useState } from 'react';
import { Grid, List, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { extensionStatusLabels } from '@shared/handling/labels';
import { handlingPaths } from '@shared/handling/paths';
import type { Worklist, WorklistItem } from '@shared/handling/responses';
import { labelOf } from '@shared/labels';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { Deadline } from '../Deadline';
import { PromiseList } from '../PromiseList';

const statusColors: Record<string, string> = { assigned: 'blue', signed: 'processing', objected: 'red' };

/** The tags beside a title: the type, the unit's role, the round, the state and a pending extension. */
function Tags({ item }: { item: WorklistItem }) {
  return (
    <Space size={[4, 4]} wrap>
      <Tag color="geekblue">{item.typeLabel}</Tag>
      <Tag>{item.roleLabel}</Tag>
      {item.round > 1 && <Tag color="orange">二次办理</Tag>}
      <Tag color={statusColors[item.status]}>{item.statusLabel}</Tag>
      {item.extensionStatus === 'pending' && <Tag color="gold">延期{labelOf(extensionStatusLabels, item.extensionStatus)}</Tag>}
    </Space>
  );
}

const columns: TableColumnsType<WorklistItem> = [
  { title: '事项', dataIndex: 'title', render: (title: string, item) => <Link to={item.link}>{title}</Link> },
  { title: '类型与状态', key: 'tags', width: 260, render: (_, item) => <Tags item={item} /> },
  { title: '下一步', dataIndex: 'nextStep', width: 150 },
  { title: '答复期限', key: 'deadline', width: 320, render: (_, item) => <Deadline item={item} /> },
];

/**
 * 待办事项: everything assigned to the unit that still waits for it — proposals, 社情民意 reports
 * and every other handled type — soonest deadline first, each opening the record, where the
 * handling panel has the unit's buttons. The type filter shows how many of each there are; they
 * add up to 全部. A phone gets cards instead of the table.
 */
function WorklistPage() {
  const wide = Grid.useBreakpoint().md ?? true;
  // the home page's figures open the list filtered (?type=proposal&overdue=1)
  const [params] = useSearchParams();
  const [type, setType] = useState(params.get('type') ?? 'all');
  const overdueOnly = params.get('overdue') === '1';
  const { data, isPending } = useGet<Worklist>(handlingPaths.worklist);
  const items = (data?.items ?? []).filter((i) => (type === 'all' || i.type === type) && (!overdueOnly || i.overdue));
  const filters = [{ value: 'all', label: `全部 ${data?.total ?? 0}` }, ...(data?.counts ?? []).map((c) => ({ value: c.type, label: `${c.label} ${c.count}` }))];
  return (
    <PageCard title="待办事项" extra={<Segmented value={type} onChange={(v) => setType(String(v))} options={filters} data-testid="worklist-types" aria-label="事项类型" />}>
      {data && data.overdue > 0 && (
        <Typography.Paragraph type="danger" data-testid="worklist-overdue">
          已逾期 {data.overdue} 件，请尽快办理。
        </Typography.Paragraph>
      )}
      {overdueOnly && (
        <Typography.Paragraph data-testid="worklist-overdue-only">
          仅显示已超过答复期限的事项（{items.length} 件）。<Link to="/handling">显示全部</Link>
        </Typography.Paragraph>
      )}
      {wide ? (
        <Table<WorklistItem> rowKey="id" size="small" loading={isPending} dataSource={items} columns={columns} pagination={false} locale={{ emptyText: '暂无待办事项' }} data-testid="worklist" />
      ) : (
        <List<WorklistItem>
          loading={isPending}
          dataSource={items}
          locale={{ emptyText: '暂无待办事项' }}
          data-testid="worklist"
          renderItem={(item) => (
            <List.Item key={item.id} style={{ display: 'block' }}>
              <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
                <Link to={item.link} style={{ fontWeight: 500, wordBreak: 'break-all' }}>
                  {item.title}
                </Link>
                <Tags item={item} />
                <Typography.Text style={{ fontSize: 12 }}>下一步：{item.nextStep}</Typography.Text>
                <span style={{ fontSize: 12 }}>
                  答复期限 <Deadline item={item} />
                </span>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        已办结和已答复的提案见<Link to="/handling/proposals">提案办理记录</Link>。
      </Typography.Paragraph>
    </PageCard>
  );
}

/** The worklist, and below it the unit's promises (列入计划) whose date has come, to record whether each was kept. */
export default function WorklistWithPromises() {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <WorklistPage />
      <PageCard title="本单位承诺事项" level={2}>
        <PromiseList />
      </PageCard>
    </Space>
  );
}
