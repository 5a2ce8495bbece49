import { useState } from 'react';
import { Alert, Flex, Select, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { performancePaths } from '@shared/performance/paths';
import type { Lists } from '@shared/performance/responses';
import { can } from '../../../app/forms';
import { PageCard } from '../../../app/ui/PageCard';
import { useGet } from '../../../app/query';
import { RankedTable } from '../RankedTable';
import { RemindButton } from '../RemindButton';
import { yearOptions } from '../years';

/** 表彰、约谈与提醒名单: who to commend, who to talk to (and why), who is below the yearly minimum. */
export default function ListsPage() {
  const [year, setYear] = useState(dayjs().year());
  const { data, isFetching: loading } = useGet<Lists>(performancePaths.lists, { year });
  return (
    <PageCard title="表彰与约谈名单" extra={<Select aria-label="年度" value={year} onChange={setYear} options={yearOptions(dayjs().year())} style={{ width: 120 }} />}>
      {data && (
        <Flex vertical gap={8} style={{ marginBottom: 8 }} data-testid="lists-scheme">
          <Typography.Text type="secondary">考核办法：{data.rulesName}{data.rulesSource ? `（${data.rulesSource}）` : ''}</Typography.Text>
          {data.grades.length > 0 && (
            <Flex gap={8} wrap data-testid="lists-grades">
              {data.grades.map((g) => <Tag key={g.key} color={g.commend ? 'green' : g.talk ? 'red' : 'blue'}>{g.label} {g.count} 人</Tag>)}
              <Typography.Text type="secondary">表彰名额：{data.commendQuota > 0 ? `${data.commendQuota} 名` : '不限'}</Typography.Text>
            </Flex>
          )}
          {year === dayjs().year() && <Alert type="info" showIcon message="本年度尚未结束：名单按截至今日的履职记录评定，年终前仍会变化。" />}
          {data.commendCut && (
            <Alert type="warning" showIcon data-testid="lists-cut" message={`${data.commendCut.tied} 位委员同为 ${data.commendCut.total} 分，争 ${data.commendCut.places} 个表彰名额，未列入拟表彰名单，请主席会议研究确定。`} />
          )}
        </Flex>
      )}
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
