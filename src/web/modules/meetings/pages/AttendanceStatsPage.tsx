import { useState } from 'react';
import { Card, Col, Row, Select, Statistic, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { meetingPaths } from '@shared/meetings/paths';
import type { AttendanceStats } from '@shared/meetings/responses';
import { formatTime } from '../../../app/forms';
import { PageCard } from '../../../app/ui/PageCard';
import { useGet } from '../../../app/query';


/** 出席统计: the year's events with their attendance, and each member's attendance over the closed events. */
export default function AttendanceStatsPage() {
  const [year, setYear] = useState(dayjs().year());
  const { data, isFetching: loading } = useGet<AttendanceStats>(meetingPaths.stats, { year });
  return (
    <PageCard title="出席统计" extra={<Select aria-label="年度" value={year} onChange={setYear} options={[0, 1, 2, 3].map((d) => ({ value: dayjs().year() - d, label: `${dayjs().year() - d}年` }))} style={{ width: 100 }} />}>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Card size="small"><Statistic title="会议活动（场）" value={data?.overall.events ?? 0} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title="已确认考勤（场）" value={data?.overall.closed ?? 0} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title="应出席（人次，已确认考勤）" value={data?.overall.invited ?? 0} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title="出席率（已确认考勤）" value={data?.overall.rate ?? 0} suffix="%" /></Card></Col>
      </Row>
      <Tabs
        items={[
          {
            key: 'events', label: '按会议活动',
            children: (
              <Table<AttendanceStats['events'][number]>
                rowKey="id" size="small" loading={loading} dataSource={data?.events} pagination={{ pageSize: 30, hideOnSinglePage: true }} scroll={{ x: 900 }}
                columns={[
                  { title: '时间', dataIndex: 'startsAt', width: 140, render: (v) => formatTime(v) },
                  { title: '类型', dataIndex: 'kindLabel', width: 100 },
                  { title: '名称', dataIndex: 'title', render: (v, r) => <Link to={r.link}>{v}</Link> },
                  { title: '邀请', dataIndex: 'invited', width: 60 },
                  { title: '出席', dataIndex: 'attended', width: 60 },
                  { title: '请假', dataIndex: 'excused', width: 60 },
                  { title: '缺席', key: 'absent', width: 60, render: (_v, r) => r.absent + r.leaveRefused },
                  { title: '迟到', dataIndex: 'late', width: 60 },
                  { title: '早退', dataIndex: 'leftEarly', width: 60 },
                  { title: '出席率', dataIndex: 'rate', width: 110, render: (v, r) => <>{v}%{!r.final && <Tag style={{ marginLeft: 4 }}>暂计</Tag>}</> },
                ]}
              />
            ),
          },
          {
            key: 'members', label: '按委员',
            children: (
              <Table<AttendanceStats['members'][number]>
                rowKey="memberId" size="small" loading={loading} dataSource={data?.members} pagination={{ pageSize: 30 }}
                columns={[
                  { title: '编号', dataIndex: 'code', width: 90 },
                  { title: '姓名', dataIndex: 'name', render: (v, r) => <Link to={`/performance/members/${r.memberId}?year=${year}`}>{v}</Link> },
                  { title: '受邀', dataIndex: 'invited', width: 70 },
                  { title: '出席', dataIndex: 'attended', width: 70 },
                  { title: '请假', dataIndex: 'excused', width: 70 },
                  { title: '缺席', dataIndex: 'absent', width: 70 },
                  { title: '请假未准', dataIndex: 'leaveRefused', width: 90 },
                  { title: '出席率', dataIndex: 'rate', width: 90, sorter: (a, b) => a.rate - b.rate, render: (v) => `${v}%` },
                ]}
              />
            ),
          },
        ]}
      />
    </PageCard>
  );
}
