import { useState } from 'react';
import { Select, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../../app/api';
import { can } from '../../../app/forms';
import { PageCard } from '../../../app/ui/PageCard';
import { useRemote } from '../../../app/useRemote';
import { RankedTable } from '../RankedTable';
import { RemindButton } from '../RemindButton';
import { yearOptions, type Lists } from '../types';

/** 表彰、约谈与提醒名单: who to commend, who to talk to (and why), who is below the yearly minimum. */
export default function ListsPage() {
  const [year, setYear] = useState(dayjs().year());
  const { data, loading } = useRemote(() => api.get<Lists>(`/performance/lists?year=${year}`), [year]);
  return (
    <PageCard title="表彰与约谈名单" extra={<Select value={year} onChange={setYear} options={yearOptions(dayjs().year())} style={{ width: 120 }} />}>
      {data && <Typography.Paragraph type="secondary">考核办法：{data.rulesName}</Typography.Paragraph>}
      <Tabs
        items={[
          { key: 'commend', label: `拟表彰（${data?.commend.length ?? 0}）`, children: <RankedTable rows={data?.commend} year={year} loading={loading} /> },
          {
            key: 'talk', label: `拟约谈（${data?.talk.length ?? 0}）`,
            children: (
              <RankedTable
                rows={data?.talk} year={year} loading={loading}
                extra={[{ title: '原因', key: 'reasons', render: (r) => <>{r.escalated && <Tag color="red">由政协约谈</Tag>}{r.reasons.join('；')}</> }]}
              />
            ),
          },
          {
            key: 'below', label: `未完成基本要求（${data?.belowQuota.length ?? 0}）`,
            children: (
              <>
                {can(data, 'remind') && <div style={{ marginBottom: 8 }}><RemindButton year={year} label="向名单内委员发送提醒" /></div>}
                <RankedTable rows={data?.belowQuota} year={year} loading={loading} />
              </>
            ),
          },
        ]}
      />
    </PageCard>
  );
}
