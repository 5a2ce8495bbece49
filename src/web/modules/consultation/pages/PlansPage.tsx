import { Button, Empty, List, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { consultationPaths } from '@shared/consultation/paths';
import type { PlanDetail, PlanSummary } from '@shared/consultation/responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { can } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';

/** 年度协商计划: one plan a year; the office starts this year's, everyone reads the approved ones. */
export default function PlansPage() {
  const navigate = useNavigate();
  const { data, isFetching } = useGet<{ items: PlanSummary[]; actions: string[] }>(consultationPaths.plans);
  const year = new Date().getFullYear();
  const hasThisYear = data?.items.some((p) => p.year === year);
  const create = async () => {
    const plan = await run(() => api.post<PlanDetail>(consultationPaths.plans, { year: hasThisYear ? year + 1 : year }), { success: '计划已新建' });
    if (plan) navigate(`/consultation/plans/${plan.id}`);
  };
  return (
    <PageCard
      title="年度协商计划"
      extra={can(data, 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={create} data-testid="plan-create">新建{hasThisYear ? year + 1 : year}年度计划</Button>}
    >
      <List
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无协商计划" /> }}
        renderItem={(p) => (
          <List.Item data-testid="plan-row" actions={[<Button key="open" type="link" onClick={() => navigate(`/consultation/plans/${p.id}`)} aria-label={`查看${p.title}`}>查看</Button>]}>
            <List.Item.Meta
              title={<a href={`/consultation/plans/${p.id}`} onClick={(e) => { e.preventDefault(); navigate(`/consultation/plans/${p.id}`); }}>{p.title}</a>}
              description={<><Tag color={p.status === 'approved' ? 'green' : 'blue'}>{p.statusLabel}</Tag>协商议题 {p.itemCount} 项{p.revision > 1 ? ` · 第${p.revision}次修订` : ''}{p.approvedOn ? ` · ${p.approvedOn} 批准` : ''}</>}
            />
          </List.Item>
        )}
      />
    </PageCard>
  );
}
