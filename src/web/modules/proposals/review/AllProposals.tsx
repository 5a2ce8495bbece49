import { useState } from 'react';
import { Flex, Input, Select } from 'antd';
import { orgPaths } from '@shared/org/paths';
import type { SessionList } from '@shared/org/responses';
import { useGet } from '../../../app/query';
import { optionsOf } from '@shared/labels';
import { proposalStates } from '@shared/proposals/labels';
import { useProposalOptions, useProposalPage } from '../data';
import { useOrgOptions } from '../../org/useOrgOptions';
import { ProposalTable } from './ProposalTable';

/** The states staff filter by: drafts and withdrawn drafts never reach them. */
const statuses = optionsOf(proposalStates).filter((s) => s.value !== 'draft' && s.value !== 'withdrawn');

interface Filters {
  sessionId?: string;
  category?: string;
  status?: string;
  unitId?: string;
  q?: string;
}

/** 全部提案: every proposal of the committee, narrowed by session, category, state, handling unit or words. */
export function AllProposals() {
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const { options: org } = useOrgOptions(['units']);
  const { data: sessions } = useGet<SessionList>(orgPaths.sessions);
  const { data: options } = useProposalOptions();
  const { data, isFetching: loading } = useProposalPage({ scope: 'all', ...filters, page });
  const filter = (patch: Filters) => {
    setPage(1);
    setFilters((f) => ({ ...f, ...patch }));
  };
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Select aria-label="会议" placeholder="会议" allowClear style={{ width: 180 }} onChange={(sessionId?: string) => filter({ sessionId })} options={(sessions?.items ?? []).map((s) => ({ value: s.id, label: s.name }))} />
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
