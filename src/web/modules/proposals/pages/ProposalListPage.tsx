import { useState } from 'react';
import { Button, Grid, Input, Popconfirm, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { api, query } from '../../../app/api';
import { run } from '../../../app/errors';
import { toOptions } from '../../../app/labels';
import { PageCard } from '../../../app/ui/PageCard';
import { useRemote } from '../../../app/useRemote';
import type { ListOf } from '../../../app/types';
import { ProposalTable } from '../review/ProposalTable';
import { ProposalCards } from '../ProposalCards';
import { statusLabels, type ProposalOptions, type ProposalRow } from '../types';

type Scope = 'mine' | 'cosign' | 'all' | 'key' | 'led';

/** Columns a scope leaves out of the wide table: one's own name on one's own list, and so on. */
const hidden: Record<Scope, string[]> = {
  mine: ['proposer'],
  cosign: ['units', 'deadline'],
  all: [],
  key: [],
  led: [],
};

interface Props {
  scope: Scope;
  title: string;
  /** shows the 撰写提案 button; `createLabel` names it (录入集体提案 for staff) */
  create?: boolean;
  createLabel?: string;
}

/**
 * The proposal lists: my proposals, invitations to co-sign (answered right on the list), all of the
 * committee, key proposals. A phone gets cards instead of the wide table.
 */
export default function ProposalListPage({ scope, title, create = false, createLabel = '撰写提案' }: Props) {
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().md ?? true;
  const [filters, setFilters] = useState<{ q?: string; category?: string; status?: string; historical?: '0' | '1' }>({});
  const [page, setPage] = useState(1);
  const { data: options } = useRemote(() => api.get<ProposalOptions>('/proposals/options'), []);
  const { data, loading, reload } = useRemote(() => api.get<ListOf<ProposalRow> & { total: number }>(`/proposals${query({ scope, ...filters, page, pageSize: 20 })}`), [scope, filters, page]);
  const filter = (patch: typeof filters) => {
    setPage(1);
    setFilters((f) => ({ ...f, ...patch }));
  };
  const pagination = { current: page, total: data?.total ?? 0, pageSize: 20, onChange: setPage, showTotal: (t: number) => `共 ${t} 件` };
  const answer = (p: ProposalRow, accept: boolean) => run(() => api.post(`/proposals/${p.id}/cosign`, { accept }), { success: accept ? '已确认联名' : '已谢绝联名' }).then(() => reload());
  const invitationButtons = (p: ProposalRow) => (
    <Space wrap>
      <Button size="small" type="primary" onClick={() => answer(p, true)} data-testid="cosign-accept">
        同意联名
      </Button>
      <Popconfirm title="谢绝后提案人将收到通知，确定谢绝？" onConfirm={() => void answer(p, false)}>
        <Button size="small" data-testid="cosign-decline">
          谢绝
        </Button>
      </Popconfirm>
    </Space>
  );

  return (
    <PageCard
      title={title}
      extra={
        <>
          <Input.Search placeholder="案由、提案人或编号" allowClear onSearch={(q) => filter({ q: q || undefined })} style={{ width: 200, maxWidth: '100%' }} />
          {scope !== 'cosign' && <Select placeholder="状态" allowClear style={{ width: 140 }} onChange={(status) => filter({ status })} options={toOptions(statusLabels)} />}
          {(scope === 'all' || scope === 'key' || scope === 'led') && (
            <Select placeholder="类别" allowClear style={{ width: 120 }} onChange={(category) => filter({ category })} options={(options?.categories ?? []).map((c) => ({ value: c, label: c }))} />
          )}
          {scope === 'all' && (
            <Select placeholder="届次" allowClear style={{ width: 120 }} onChange={(historical) => filter({ historical })} options={[{ value: '0', label: '本届' }, { value: '1', label: '往年' }]} />
          )}
          {create && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/proposals/new')} data-testid="proposal-new">
              {createLabel}
            </Button>
          )}
        </>
      }
    >
      {scope === 'cosign' || !wide ? (
        <ProposalCards rows={data?.items} loading={loading} pagination={pagination} actions={scope === 'cosign' ? invitationButtons : undefined} testId={`proposals-${scope}`} />
      ) : (
        <ProposalTable loading={loading} dataSource={data?.items} hide={hidden[scope]} pagination={pagination} data-testid={`proposals-${scope}`} />
      )}
    </PageCard>
  );
}
