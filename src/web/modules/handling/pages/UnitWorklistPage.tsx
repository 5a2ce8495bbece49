import { useState } from 'react';
import { Segmented } from 'antd';
import { api, query } from '../../../app/api';
import { PageCard } from '../../../app/ui/PageCard';
import { useRemote } from '../../../app/useRemote';
import type { ListOf } from '../../../app/types';
import { ProposalTable, type ProposalRow } from '../../proposals/review/ProposalTable';

/** The filters a unit works by: the proposal's handling state, or only what is past its deadline. */
const filters = [
  { value: 'all', label: '全部' },
  { value: 'handling', label: '办理中' },
  { value: 'rehandling', label: '二次办理' },
  { value: 'replied', label: '已答复待评价' },
  { value: 'closed', label: '已办结' },
  { value: 'overdue', label: '已逾期' },
] as const;
type Filter = (typeof filters)[number]['value'];

const filterQuery = (f: Filter) => (f === 'all' ? {} : f === 'overdue' ? { overdue: '1' } : { status: f });

/** 待办提案: the proposals assigned to the unit, with their deadlines; each opens the proposal, where the unit acts. */
export default function UnitWorklistPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const { data, loading } = useRemote(
    () => api.get<ListOf<ProposalRow> & { total: number }>(`/proposals${query({ scope: 'unit', ...filterQuery(filter), page, pageSize: 20 })}`),
    [filter, page],
  );
  return (
    <PageCard
      title="待办提案"
      extra={<Segmented value={filter} onChange={(v) => (setFilter(v as Filter), setPage(1))} options={[...filters]} data-testid="unit-filter" />}
    >
      <ProposalTable
        loading={loading}
        dataSource={data?.items}
        hide={['submittedAt']}
        pagination={{ current: page, total: data?.total ?? 0, pageSize: 20, onChange: setPage, showTotal: (t) => `共 ${t} 件` }}
        data-testid="unit-table"
      />
    </PageCard>
  );
}
