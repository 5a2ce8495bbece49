import { useState } from 'react';
import { Link } from 'react-router';
import { Empty, Flex, List, Select, Statistic } from 'antd';
import dayjs from 'dayjs';
import { homePaths } from '@shared/members-home/paths';
import type { VisitLog } from '@shared/members-home/responses';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { VisitCard } from '../VisitCard';

/**
 * 委员之家接待记录 of a year: the figures the yearly report prints (visits, suggestions, converted),
 * counted from the same records listed under them, each visit with what became of its suggestions.
 */
export default function VisitLogPage() {
  const [year, setYear] = useState(dayjs().year());
  const { data, isPending } = useGet<VisitLog>(homePaths.visits, { year }, { keepPrevious: true });
  return (
    <PageCard
      title="委员之家接待记录"
      extra={<Select aria-label="年度" value={year} onChange={setYear} options={[0, 1, 2].map((d) => ({ value: dayjs().year() - d, label: `${dayjs().year() - d}年` }))} style={{ width: 100 }} />}
    >
      <Flex wrap gap={24} style={{ marginBottom: 12 }}>
        <Statistic title="接待来访（人次）" value={data?.visits ?? 0} />
        <Statistic title="收集工作建议（条）" value={data?.suggestions ?? 0} />
        <Statistic title="转化提案和社情民意信息（件）" value={data?.converted ?? 0} />
      </Flex>
      <List
        loading={isPending}
        dataSource={data?.items ?? []}
        // a year of daily duty is a few hundred visits: twenty at a time, newest first
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, align: 'center' }}
        locale={{ emptyText: <Empty description="本年度尚无接待记录" /> }}
        renderItem={(v) => (
          <List.Item key={v.id} style={{ padding: '6px 0' }}>
            <Flex vertical style={{ width: '100%' }}>
              <VisitCard visit={v} extra={`值班：${v.dutyMemberName}`} />
              <Link to={`/members-home/duties/${v.dutyId}`} style={{ fontSize: 12 }}>查看当天值班</Link>
            </Flex>
          </List.Item>
        )}
      />
    </PageCard>
  );
}
