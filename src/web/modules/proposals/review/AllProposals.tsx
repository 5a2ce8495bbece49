import { useState } from 'react';
import { Flex, Input, Select } from 'antd';
import { api, query } from '../../../app/api';
import { useRemote } from '../../../app/useRemote';
import type { ListOf } from '../../../app/types';
import { useOrgOptions } from '../../org/useOrgOptions';
import type { PlenarySession } from '../../org/types';
import type { ProposalOptions } from '../types';
import { ProposalTable, type ProposalRow } from './ProposalTable';

/** The states staff filter by (drafts never reach them); names as the server's workflow gives them. */
const statuses = [
  ['submitted', '待预审'], ['reviewing', '待复审'], ['deciding', '待审定'], ['returned', '退回修改'], ['filed', '已立案（待交办）'],
  ['rejected', '不予立案'], ['converted', '已转为意见建议'], ['merged', '已并案'], ['handling', '办理中'], ['replied', '已答复（待评价）'],
  ['rehandling', '二次办理'], ['closed', '已办结'],
].map(([value, label]) => ({ value, label }));

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
  const { data: sessions } = useRemote(() => api.get<ListOf<PlenarySession>>('/org/sessions'), []);
  const { data: options } = useRemote(() => api.get<ProposalOptions>('/proposals/options'), []);
  const { data, loading } = useRemote(() => api.get<ListOf<ProposalRow> & { total: number }>(`/proposals${query({ scope: 'all', ...filters, page, pageSize: 20 })}`), [filters, page]);
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
