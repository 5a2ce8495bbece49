import { useState } from 'react';
import { Badge, Button, Calendar, Segmented, Select } from 'antd';
import { PlusOutlined, ScanOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { meetingPaths } from '@shared/meetings/paths';
import type { MeetingList, MeetingSummary } from '@shared/meetings/responses';
import { PageCard } from '../../../app/ui/PageCard';
import { useGet } from '../../../app/query';
import { MeetingTable } from '../MeetingTable';
import { ScheduleForm } from '../ScheduleForm';
import { useMeetingOptions } from '../useOptions';

const years = (now: number) => [now + 1, now, now - 1, now - 2, now - 3];

/**
 * 会议活动 (staff, leaders) and 我的会议 (members): a list or a month calendar of the year's events;
 * staff schedule new ones here.
 */
export default function MeetingsPage({ mine = false }: { mine?: boolean }) {
  const navigate = useNavigate();
  const options = useMeetingOptions();
  const [view, setView] = useState<'list' | 'calendar'>('list');
  // a cockpit figure opens the list already filtered (?year=…&kind=…&status=closed)
  const [params] = useSearchParams();
  const [year, setYear] = useState(Number(params.get('year')) || dayjs().year());
  const [kind, setKind] = useState<string | undefined>(params.get('kind') ?? undefined);
  const status = params.get('status') ?? undefined;
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [scheduling, setScheduling] = useState(false);
  const pageQuery = view === 'calendar' ? { page: 1, pageSize: 200 } : page;
  const { data, isFetching: loading } = useGet<MeetingList>(meetingPaths.list, { scope: mine ? 'mine' : 'all', year, kind, status, ...pageQuery }, { keepPrevious: true });

  const byDay = new Map<string, MeetingSummary[]>();
  for (const m of data?.items ?? []) {
    const d = dayjs(m.startsAt).format('YYYY-MM-DD');
    byDay.set(d, [...(byDay.get(d) ?? []), m]);
  }
  const cell = (d: Dayjs) => (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {(byDay.get(d.format('YYYY-MM-DD')) ?? []).map((m) => (
        <li key={m.id} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          <Badge status={m.status === 'closed' ? 'success' : m.status === 'cancelled' ? 'default' : 'processing'} />
          <Link to={`/meetings/${m.id}`}>{dayjs(m.startsAt).format('HH:mm')} {m.title}</Link>
        </li>
      ))}
    </ul>
  );

  return (
    <PageCard
      title={mine ? '我的会议活动' : '会议活动'}
      extra={
        <>
          <Select aria-label="年度" value={year} onChange={(y) => { setYear(y); setPage({ ...page, page: 1 }); }} options={years(dayjs().year()).map((y) => ({ value: y, label: `${y}年` }))} style={{ width: 100 }} />
          <Select aria-label="活动类型" allowClear placeholder="全部类型" value={kind} onChange={(k) => { setKind(k); setPage({ ...page, page: 1 }); }} options={options?.kinds ?? []} style={{ width: 130 }} />
          {mine && (
            <Link to="/checkin/scan">
              <Button type="primary" icon={<ScanOutlined />} data-testid="scan-checkin">扫码签到</Button>
            </Link>
          )}
          <Segmented value={view} onChange={(v) => setView(v as 'list' | 'calendar')} options={[{ value: 'list', label: '列表' }, { value: 'calendar', label: '日历' }]} />
          {!mine && data?.canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setScheduling(true)} data-testid="meeting-schedule">安排会议活动</Button>
          )}
        </>
      }
    >
      {view === 'list' ? (
        <MeetingTable rows={data?.items} total={data?.total ?? 0} loading={loading} page={page} onPage={setPage} mine={mine} />
      ) : (
        <Calendar
          cellRender={(d, info) => (info.type === 'date' ? cell(d) : null)}
          onPanelChange={(d) => d.year() !== year && setYear(d.year())}
        />
      )}
      <ScheduleForm
        open={scheduling}
        options={options}
        onClose={() => setScheduling(false)}
        onSaved={(id) => {
          setScheduling(false);
          navigate(`/meetings/${id}`);
        }}
      />
    </PageCard>
  );
}
