import { useState } from 'react';
import { Alert, Card, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { calendarPaths } from '@shared/calendar/paths';
import type { CalendarDay, CalendarYear } from '@shared/calendar/responses';
import { can } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { NoticeForm } from './NoticeForm';
import { WorkdayTool } from './WorkdayTool';

const thisYear = dayjs().year();
const years = Array.from({ length: 6 }, (_, i) => thisYear - 3 + i);

/** 工作日历: official holidays and make-up working days, which every working-day deadline follows. */
export default function CalendarPage() {
  const [year, setYear] = useState(thisYear);
  const { data, isFetching: loading } = useGet<CalendarYear>(calendarPaths.year, { year });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageCard title="节假日与调休" extra={<Select aria-label="年度" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年` }))} style={{ width: 110 }} />}>
        <Table<CalendarDay>
          rowKey="day"
          size="small"
          loading={loading}
          dataSource={data?.items}
          pagination={false}
          locale={{ emptyText: `尚未录入${year}年放假安排` }}
          columns={[
            { title: '日期', dataIndex: 'day', render: (d: string) => dayjs(d).format('YYYY-MM-DD dddd') },
            { title: '名称', dataIndex: 'name' },
            { title: '类型', dataIndex: 'isOffDay', render: (off: boolean) => (off ? <Tag color="red">放假</Tag> : <Tag color="blue">调休上班</Tag>) },
          ]}
        />
      </PageCard>
      {can(data, 'update') ? (
        <Card title={`录入${year}年放假安排`} size="small">
          <NoticeForm year={year} />
        </Card>
      ) : (
        data?.keptBy && <Alert type="info" showIcon title={`放假安排全国统一，由${data.keptBy}系统管理员按国务院办公厅通知录入，各委员会的办理期限随之计算；尚未录入的年度按法定节假日暂定。`} />
      )}
      <Card title="N个工作日后是哪天" size="small">
        <WorkdayTool />
      </Card>
    </Space>
  );
}
