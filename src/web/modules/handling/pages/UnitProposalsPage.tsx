import { useState } from 'react';
import { Grid, Segmented, Select } from 'antd';
import { PageCard } from '../../../app/ui/PageCard';
import { useProposalPage } from '../../proposals/data';
import { ProposalCards } from '../../proposals/ProposalCards';
import { ProposalTable } from '../../proposals/review/ProposalTable';

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

const filterQuery = (f: Filter) => (f === 'all' ? {} : f === 'overdue' ? { overdue: '1' as const } : { status: f });

/** 提案办理记录: every proposal assigned to the unit, finished ones too, with their deadlines; each opens the proposal, where the unit acts. */
export default function UnitProposalsPage() {
  const wide = Grid.useBreakpoint().md ?? true;
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const { data, isFetching: loading } = useProposalPage({ scope: 'unit', ...filterQuery(filter), page });
  const choose = (f: Filter) => {
    setFilter(f);
    setPage(1);
  };
  const pagination = { current: page, total: data?.total ?? 0, pageSize: 20, onChange: setPage, showTotal: (t: number) => `共 ${t} 件` };
  return (
    <PageCard
      title="提案办理记录"
      extra={
        // six choices do not fit a phone's width side by side
        wide ? (
          <Segmented value={filter} onChange={(v) => choose(v as Filter)} options={[...filters]} data-testid="unit-filter" />
        ) : (
          <Select value={filter} onChange={choose} options={[...filters]} aria-label="办理状态" style={{ width: 160 }} data-testid="unit-filter" />
        )
      }
    >
      {wide ? (
        <ProposalTable loading={loading} dataSource={data?.items} hide={['submittedAt']} pagination={pagination} data-testid="unit-table" />
      ) : (
        <ProposalCards rows={data?.items} loading={loading} pagination={pagination} testId="unit-table" />
      )}
    </PageCard>
  );
}
