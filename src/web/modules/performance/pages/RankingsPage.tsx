import { useState } from 'react';
import { Segmented, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { performancePaths } from '@shared/performance/paths';
import type { Rankings } from '@shared/performance/responses';
import { can } from '../../../app/forms';
import { PageCard } from '../../../app/ui/PageCard';
import { useGet } from '../../../app/query';
import { RankedTable } from '../RankedTable';
import { RemindButton } from '../RemindButton';
import { yearOptions } from '../years';

/** 履职排名: every member ranked by the year's score, or only those below the yearly minimum; reminders from here. */
export default function RankingsPage() {
  // the cockpit opens it on a year and on those below the requirements (?year=2026&belowQuota=1)
  const [params] = useSearchParams();
  const [year, setYear] = useState(Number(params.get('year')) || dayjs().year());
  const [below, setBelow] = useState(params.get('belowQuota') === '1');
  const [selected, setSelected] = useState<string[]>([]);
  const { data, isFetching: loading } = useGet<Rankings>(performancePaths.rankings, { year, belowQuota: below ? '1' : undefined }, { keepPrevious: true });
  return (
    <PageCard
      title="履职排名"
      extra={
        <>
          <Select aria-label="年度" value={year} onChange={(y) => { setYear(y); setSelected([]); }} options={yearOptions(dayjs().year())} style={{ width: 120 }} />
          <Segmented value={below ? 'below' : 'all'} onChange={(v) => { setBelow(v === 'below'); setSelected([]); }} options={[{ value: 'all', label: '全部委员' }, { value: 'below', label: '未完成基本要求' }]} data-testid="rankings-filter" />
          {can(data, 'remind') && <RemindButton year={year} memberIds={selected.length ? selected : undefined} label={selected.length ? `提醒选中的 ${selected.length} 位` : '提醒全部未完成者'} />}
        </>
      }
    >
      {data && <Typography.Paragraph type="secondary">考核办法：{data.rulesName}</Typography.Paragraph>}
      <RankedTable
        rows={data?.items}
        year={year}
        loading={loading}
        categories={data?.categories}
        graded={data?.graded ?? true}
        selection={can(data, 'remind') ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
      />
    </PageCard>
  );
}
