import { useState } from 'react';
import { Empty, Select, Skeleton, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useParams, useSearchParams } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { performancePaths } from '@shared/performance/paths';
import type { PerformanceRecord } from '@shared/performance/responses';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { RecordView } from '../RecordView';
import { TermView } from '../TermView';
import { yearOptions } from '../years';

/** 我的履职 (no member in the address) or a member's record as staff see it (/performance/members/:memberId): the year, and the whole term. */
export default function RecordPage() {
  const { memberId } = useParams();
  const [params] = useSearchParams();
  const [year, setYear] = useState(Number(params.get('year')) || dayjs().year());
  const path = memberId ? pathTo(performancePaths.member, { memberId }) : performancePaths.me;
  const { data, isFetching: loading } = useGet<PerformanceRecord>(path, { year }, { keepPrevious: true });
  return (
    <PageCard
      title={memberId ? `履职档案${data ? `：${data.member.name}` : ''}` : '我的履职'}
      extra={<Select aria-label="年度" value={year} onChange={setYear} options={yearOptions(dayjs().year())} style={{ width: 120 }} />}
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
