import { useState } from 'react';
import { Empty, Select, Skeleton, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../../app/api';
import { PageCard } from '../../../app/ui/PageCard';
import { useRemote } from '../../../app/useRemote';
import { RecordView } from '../RecordView';
import { TermView } from '../TermView';
import { yearOptions, type PerformanceRecord } from '../types';

/** 我的履职 (no member in the address) or a member's record as staff see it (/performance/members/:memberId): the year, and the whole term. */
export default function RecordPage() {
  const { memberId } = useParams();
  const [params] = useSearchParams();
  const [year, setYear] = useState(Number(params.get('year')) || dayjs().year());
  const path = memberId ? `/performance/members/${memberId}` : '/performance/me';
  const { data, loading } = useRemote(() => api.get<PerformanceRecord>(`${path}?year=${year}`), [path, year]);
  return (
    <PageCard
      title={memberId ? `履职档案${data ? `：${data.member.name}` : ''}` : '我的履职'}
      extra={<Select value={year} onChange={setYear} options={yearOptions(dayjs().year())} style={{ width: 120 }} />}
    >
      {loading && !data ? (
        <Skeleton active />
      ) : data ? (
        <Tabs
          items={[
            { key: 'year', label: `${year}年度`, children: <RecordView record={data} loading={loading} /> },
            { key: 'term', label: '本届履职档案', children: <TermView memberId={data.member.id} year={year} /> },
          ]}
        />
      ) : (
        <Empty description="没有履职档案" />
      )}
    </PageCard>
  );
}
