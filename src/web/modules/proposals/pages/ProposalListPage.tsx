import { useState } from 'react';
import { Button, Grid, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { ratingLabels } from '@shared/handling/labels';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { optionsOf } from '@shared/labels';
import { proposalStates } from '@shared/proposals/labels';
import { proposalPaths } from '@shared/proposals/paths';
import type { ProposalRow } from '@shared/proposals/responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { PageCard } from '../../../app/ui/PageCard';
import { ProposalTable } from '../review/ProposalTable';
import { ProposalCards } from '../ProposalCards';
import { useProposalOptions, useProposalPage, type ProposalFilters } from '../data';
import { SessionSelect, useSessionChoice } from '../SessionSelect';

type Scope = 'mine' | 'cosign' | 'all' | 'key' | 'led';

const ratings = ['satisfied', 'basically', 'unsatisfied'] as const;

/** The filters a link carries in its address; what the list's own controls do not show is named above the list. */
function fromAddress(params: URLSearchParams): Omit<ProposalFilters, 'scope' | 'page' | 'sessionId' | 'historical'> {
  const rating = ratings.find((r) => r === params.get('rating'));
  return {
    ...(params.get('status') ? { status: params.get('status')! } : {}),
    ...(params.get('overdue') === '1' ? { overdue: '1' as const } : {}),
    ...(params.get('category') ? { category: params.get('category')! } : {}),
    ...(params.get('unitId') ? { unitId: params.get('unitId')! } : {}),
    ...(params.get('topicId') ? { topicId: params.get('topicId')! } : {}),
    ...(Number(params.get('year')) ? { year: Number(params.get('year')) } : {}),
    ...(rating ? { rating } : {}),
  };
}

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
  // a figure on the home page or the cockpit opens its list already filtered
  // (?status=…&overdue=1&session=all; ?year=2026&historical=0&unitId=…&overdue=1; ?category=…; ?rating=…)
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<Omit<ProposalFilters, 'scope' | 'page' | 'sessionId' | 'historical'>>(() => fromAddress(params));
  const own = params.get('historical') === '0' ? { historical: '0' as const } : {};
  const [page, setPage] = useState(1);
  // what the address filters by that no control on the page shows
  const linked = [
    filters.year ? `${filters.year}年度` : '',
    filters.unitId ? '指定承办单位' : '',
    filters.topicId ? '选用指定参考选题' : '',
    filters.overdue === '1' ? (filters.unitId ? '该单位超期未答复' : '超期未答复') : '',
    filters.rating ? `办理结果评价“${ratingLabels[filters.rating]}”` : '',
  ].filter(Boolean);
  const { data: options } = useProposalOptions();
  // the committee-wide lists open on the current session (the server's default); other sessions and
  // imported history are a filter away, kept in the address
  const bySession = scope === 'all' || scope === 'key' || scope === 'led';
  const session = useSessionChoice(() => setPage(1));
  const { data, isFetching: loading } = useProposalPage({ scope, ...own, ...filters, ...(bySession ? session.query : {}), page });
  const filter = (patch: typeof filters) => {
    setPage(1);
    setFilters((f) => ({ ...f, ...patch }));
  };
  const pagination = { current: page, total: data?.total ?? 0, pageSize: 20, onChange: setPage, showTotal: (t: number) => `共 ${t} 件` };
  const answer = (p: ProposalRow, accept: boolean) => run(() => api.post(pathTo(proposalPaths.cosign, { id: p.id }), { accept }), { success: accept ? '已确认联名' : '已谢绝联名' });
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
          <Input.Search aria-label="搜索提案" placeholder="案由、提案人或编号" allowClear onSearch={(q) => filter({ q: q || undefined })} style={{ width: 200, maxWidth: '100%' }} />
          {scope !== 'cosign' && <Select aria-label="状态" placeholder="状态" allowClear style={{ width: 140 }} defaultValue={filters.status} onChange={(status) => filter({ status })} options={optionsOf(proposalStates)} />}
          {(scope === 'all' || scope === 'key' || scope === 'led') && (
            <Select aria-label="类别" placeholder="类别" allowClear style={{ width: 120 }} defaultValue={filters.category} onChange={(category) => filter({ category })} options={(options?.categories ?? []).map((c) => ({ value: c, label: c }))} />
          )}
          {bySession && <SessionSelect {...session} />}
          {create && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/proposals/new')} data-testid="proposal-new">
              {createLabel}
            </Button>
          )}
        </>
      }
    >
      {linked.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="proposal-linked-filters">
          按链接筛选：{linked.join('、')}
        </Typography.Paragraph>
      )}
      {scope === 'cosign' || !wide ? (
        <ProposalCards rows={data?.items} loading={loading} pagination={pagination} actions={scope === 'cosign' ? invitationButtons : undefined} testId={`proposals-${scope}`} />
      ) : (
        <ProposalTable loading={loading} dataSource={data?.items} hide={hidden[scope]} pagination={pagination} data-testid={`proposals-${scope}`} />
      )}
    </PageCard>
  );
}
