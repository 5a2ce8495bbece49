import { useState } from 'react';
import { useProposalPage } from '../data';
import { ProposalTable } from './ProposalTable';

/** 逾期提醒: proposals with a unit past its reply deadline, to chase by phone or notice. */
export function OverdueList() {
  const [page, setPage] = useState(1);
  const { data, isFetching: loading } = useProposalPage({ scope: 'all', overdue: '1', page });
  return (
    <ProposalTable
      loading={loading}
      dataSource={data?.items}
      hide={['submittedAt']}
      locale={{ emptyText: '没有逾期未答复的提案' }}
      pagination={{ current: page, total: data?.total ?? 0, pageSize: 20, onChange: setPage, showTotal: (t) => `共 ${t} 件逾期` }}
      data-testid="overdue-table"
    />
  );
}
