import { useState } from 'react';
import { Button, Flex, Input, Segmented, Select } from 'antd';
import { EditOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { GuardedButton } from '../../../app/ui/GuardedButton';
import { contactPointPaths, type ContactPointList } from '@shared/opinions/contact-points';
import { opinionPaths } from '@shared/opinions/paths';
import type { OpinionList, OpinionRow } from '@shared/opinions/responses';
import { useMe } from '../../../app/auth';
import { PageCard } from '../../../app/ui/PageCard';
import { useGet } from '../../../app/query';
import { CombineModal } from '../CombineModal';
import { OpinionForm } from '../OpinionForm';
import { useOpinionOptions } from '../useOptions';
import { OpinionTable } from '../OpinionTable';

type Scope = 'queue' | 'all' | 'incoming';

/**
 * 信息处理: the information office's queue (待处理), everything of the committee, and what lower
 * committees sent up (下级报送). Select several waiting reports to combine them (综合). Leaders read.
 */
export default function QueuePage() {
  const me = useMe();
  const navigate = useNavigate();
  const isInfo = me.roles.includes('admin') || (me.roles.includes('staff') && me.office === 'info');
  const receivesFromBelow = me.committee.level !== 'district';
  // a city's information office works mostly on what the districts send up
  // the home page's and the work report's figures open a scope by address (?scope=incoming, ?scope=all&year=2026&status=adopted)
  const [params, setParams] = useSearchParams();
  const asked = params.get('scope') as Scope | null;
  // 全部信息 opens on this year (the server's default); other years and 全部 by the select, kept in the address
  const year = params.get('year') ?? undefined;
  const status = params.get('status') ?? undefined;
  const adoptedAt = params.get('adoptedAt') ?? undefined;
  const instructed = params.get('instructed') ?? undefined;
  // the contact point's reports (its figure on the contact points' page, a cockpit bar), or one chosen here
  const contactPointId = params.get('contactPointId') ?? undefined;
  const { data: points } = useGet<ContactPointList>(contactPointPaths.list, undefined, { quiet: true });
  const [scope, setScope] = useState<Scope>(asked && (isInfo || asked === 'all') ? asked : receivesFromBelow && isInfo ? 'incoming' : isInfo ? 'queue' : 'all');
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<OpinionRow[]>([]);
  const [combining, setCombining] = useState(false);
  // 录入: reports of parties, special committees and lower committees, entered by the office in their name
  const [writing, setWriting] = useState(false);
  const options = useOpinionOptions();
  const { data, isFetching: loading } = useGet<OpinionList>(opinionPaths.list, { scope, q, year: scope === 'all' ? year : undefined, status, adoptedAt, instructed, contactPointId, ...page }, { keepPrevious: true });
  const combinable = selected.filter((o) => o.actions.includes('combine'));
  const chooseYear = (y: string) => {
    setPage((p) => ({ ...p, page: 1 }));
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('year', y);
      return next;
    }, { replace: true });
  };

  const choosePoint = (id?: string) => {
    setPage((p) => ({ ...p, page: 1 }));
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (id) next.set('contactPointId', id);
      else next.delete('contactPointId');
      return next;
    }, { replace: true });
  };

  const scopes = [
    ...(isInfo ? [{ value: 'queue', label: '待处理' }] : []),
    { value: 'all', label: '全部信息' },
    ...(receivesFromBelow ? [{ value: 'incoming', label: '下级报送' }] : []),
  ];

  return (
    <PageCard
      title="社情民意信息"
      extra={
        isInfo && scope !== 'incoming' && (
          <Flex gap={8}>
            {data?.actions.includes('create') && (
              <Button icon={<EditOutlined />} onClick={() => setWriting(true)} data-testid="opinion-write">
                录入信息
              </Button>
            )}
            <GuardedButton icon={<MergeCellsOutlined />} why={combinable.length < 2 ? '勾选两篇以上反映同类问题的信息后可综合' : null} onClick={() => setCombining(true)} data-testid="opinion-combine">
              综合所选（{combinable.length}）
            </GuardedButton>
          </Flex>
        )
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented<Scope> options={scopes as { value: Scope; label: string }[]} value={scope} onChange={(s) => { setScope(s); setSelected([]); setPage((p) => ({ ...p, page: 1 })); }} data-testid="opinion-scope" />
        {scope === 'all' && options && (
          <Select
            value={year ?? String(options.thisYear)} onChange={chooseYear} style={{ width: 130 }} aria-label="年度" data-testid="opinion-year"
            options={[...options.years.map((y) => ({ value: String(y), label: y === options.thisYear ? `${y}年度（本年）` : `${y}年度` })), { value: 'all', label: '全部年度' }]}
          />
        )}
        {scope !== 'incoming' && (points?.items.length ?? 0) > 0 && (
          <Select
            value={contactPointId} onChange={choosePoint} allowClear placeholder="联系点" style={{ width: 200 }} aria-label="联系点" data-testid="opinion-contact-point-filter"
            showSearch={{ optionFilterProp: 'label' }} options={points!.items.map((p) => ({ value: p.id, label: p.name }))}
          />
        )}
        <Input.Search aria-label="搜索信息" placeholder="标题或报送人" allowClear onSearch={(v) => setQ(v.trim() || undefined)} style={{ width: 240 }} />
      </Flex>
      <OpinionTable
        rows={data?.items}
        total={data?.total ?? 0}
        loading={loading}
        page={page}
        onPage={setPage}
        showCommittee={scope === 'incoming'}
        rowSelection={isInfo && scope !== 'incoming' ? { selectedRowKeys: selected.map((o) => o.id), onChange: (_, rows) => setSelected(rows), getCheckboxProps: (o) => ({ disabled: !o.actions.includes('combine') }) } : undefined}
      />
      <OpinionForm
        open={writing}
        options={options}
        draft={null}
        onClose={() => setWriting(false)}
        onSaved={(o) => {
          setWriting(false);
          navigate(`/opinions/${o.id}`);
        }}
      />
      <CombineModal
        open={combining}
        sources={combinable}
        onClose={() => setCombining(false)}
        onSaved={(o) => {
          setCombining(false);
          setSelected([]);
          navigate(`/opinions/${o.id}`);
        }}
      />
    </PageCard>
  );
}
