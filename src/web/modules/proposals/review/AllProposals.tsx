import { useState } from 'react';
import { Flex, Input, Select } from 'antd';
import { optionsOf } from '@shared/labels';
import { proposalStates } from '@shared/proposals/labels';
import { useProposalOptions, useProposalPage } from '../data';
import { useOrgOptions } from '../../org/useOrgOptions';
import { ProposalTable } from './ProposalTable';
import { SessionSelect, useSessionChoice } from '../SessionSelect';

/** The states staff filter by: drafts and withdrawn drafts never reach them. */
const statuses = optionsOf(proposalStates).filter((s) => s.value !== 'draft' && s.value !== 'withdrawn');

interface Filters {
  category?: string;
  status?: string;
  unitId?: string;
  q?: string;
}

/** 全部提案: the committee's proposals of the current session (or one chosen, history, all), narrowed by category, state, handling unit or words. */
export function AllProposals() {
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const { options: org } = useOrgOptions(['units']);
  const { data: options } = useProposalOptions();
  // the current session first (the server's default); others, imported history and all by the select, kept in the address
  const session = useSessionChoice(() => setPage(1));
  const { data, isFetching: loading } = useProposalPage({ scope: 'all', ...session.query, ...filters, page });
  const filter = (patch: Filters) => {
    setPage(1);
    setFilters((f) => ({ ...f, ...patch }));
  };
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <SessionSelect {...session} />
        <Select aria-label="类别" placeholder="类别" allowClear style={{ width: 130 }} onChange={(category?: string) => filter({ category })} options={(options?.categories ?? []).map((c) => ({ value: c, label: c }))} />
        <Select aria-label="状态" placeholder="状态" allowClear style={{ width: 150 }} onChange={(status?: string) => filter({ status })} options={statuses} />
        <Select aria-label="承办单位" placeholder="承办单位" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 200 }} onChange={(unitId?: string) => filter({ unitId })} options={org.units} />
        <Input.Search aria-label="关键词" placeholder="案由、提案人或编号" allowClear onSearch={(q) => filter({ q: q || undefined })} style={{ width: 220 }} />
      </Flex>
      <ProposalTable
        loading={loading}
        dataSource={data?.items}
        pagination={{ current: page, total: data?.total ?? 0, pageSize: 20, onChange: setPage, showTotal: (t) => `共 ${t} 件` }}
        data-testid="all-table"
      />
    </>
  );
}
