import { useState } from 'react';
import { Select, Table, Tabs } from 'antd';
import dayjs from 'dayjs';
import { Link, Navigate, useSearchParams } from 'react-router';
import { outreachKinds, type OwnedKind } from '@shared/outreach/labels';
import { outreachPaths } from '@shared/outreach/paths';
import type { OutreachSummary, SummaryRow } from '@shared/outreach/responses';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { MemberPicker } from '../../members/MemberPicker';
import { KindPanel } from '../KindPanel';
import { useOutreachOptions } from '../useOptions';

const kinds: OwnedKind[] = ['contacts', 'partners', 'deeds', 'services'];

/** Per member: what counted this year, against the yearly minimum (≥3 contacts, ≥2 deeds, ≥2 councils). */
function Summary({ year, memberId }: { year: number; memberId?: string }) {
  const { data, isFetching: loading } = useGet<OutreachSummary>(outreachPaths.summary, { year });
  const low = (need: number) => (n: number) => <span style={{ color: n < need ? '#cf1322' : undefined }}>{n}</span>;
  return (
    <Table<SummaryRow>
      rowKey="memberId"
      size="small"
      loading={loading}
      dataSource={(data?.items ?? []).filter((r) => !memberId || r.memberId === memberId)}
      pagination={{ pageSize: 30, hideOnSinglePage: true }}
      data-testid="outreach-summary"
      columns={[
        { title: '编号', dataIndex: 'code', width: 90 },
        { title: '委员', dataIndex: 'name', width: 110, render: (v, r) => <Link to={`/performance/members/${r.memberId}?year=${year}`}>{v}</Link> },
        { title: '结对联系对象', dataIndex: 'partners', sorter: (a, b) => a.partners - b.partners, render: low(3) },
        { title: '结对联系（次）', dataIndex: 'contacts', sorter: (a, b) => a.contacts - b.contacts, render: low(3) },
        { title: '办实事（已办结）', dataIndex: 'deeds', sorter: (a, b) => a.deeds - b.deeds, render: low(2) },
        { title: '参加民生议事会', dataIndex: 'councils', sorter: (a, b) => a.councils - b.councils, render: low(2) },
        { title: '公益活动', dataIndex: 'services', sorter: (a, b) => a.services - b.services },
      ]}
    />
  );
}

/** 联系群众 for staff and leaders: every member's records, filtered by member, kind (tab) and year; livelihood councils live in 协商议政 (基层协商), where the old tab's address leads. */
export default function OutreachStaffPage() {
  const options = useOutreachOptions();
  const [year, setYear] = useState(dayjs().year());
  const [memberId, setMemberId] = useState<string | undefined>(undefined);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'summary';
  if (tab === 'councils') return <Navigate to="/consultation/councils" replace />;
  return (
    <PageCard
      title="委员联系群众"
      extra={
        <>
          <div style={{ width: 220 }} data-testid="outreach-member-filter"><MemberPicker aria-label="委员" value={memberId ?? null} onChange={(id) => setMemberId(id ?? undefined)} /></div>
          <Select aria-label="年度" value={year} onChange={setYear} options={[0, 1, 2, 3].map((d) => ({ value: dayjs().year() - d, label: `${dayjs().year() - d}年` }))} style={{ width: 100 }} />
        </>
      }
    >
      <Tabs
        destroyOnHidden
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'summary', label: '汇总', children: <Summary year={year} memberId={memberId} /> },
          ...kinds.map((k) => ({ key: k, label: outreachKinds[k], children: <KindPanel kind={k} options={options} year={year} memberId={memberId} showMember /> })),
        ]}
      />
    </PageCard>
  );
}
