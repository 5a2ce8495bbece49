import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import { formatTime } from '../../app/forms';
import type { MeetingSummary } from '@shared/meetings/responses';
import { outcomeColors, statusColors } from './colors';

interface Props {
  rows: MeetingSummary[] | undefined;
  total: number;
  loading: boolean;
  page: { page: number; pageSize: number };
  onPage(p: { page: number; pageSize: number }): void;
  /** a member's own list: their reply, leave and attendance instead of the counts */
  mine?: boolean;
}

const leaveLabels = { pending: '请假待审批', approved: '请假已批准', refused: '请假未批准' } as const;

/** Meetings as a table: time, kind, name, place, required or not, and either counts or the member's own state. */
export function MeetingTable({ rows, total, loading, page, onPage, mine }: Props) {
  return (
    <Table<MeetingSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 900 }}
      pagination={{ current: page.page, pageSize: page.pageSize, total, showTotal: (n) => `共 ${n} 项`, onChange: (p, s) => onPage({ page: p, pageSize: s }) }}
      columns={[
        { title: '时间', dataIndex: 'startsAt', width: 150, render: (v) => formatTime(v) },
        { title: '类型', dataIndex: 'kindLabel', width: 100 },
        { title: '名称', dataIndex: 'title', render: (v, r) => <Link to={`/meetings/${r.id}`} data-testid="meeting-link">{v}</Link> },
        { title: '地点', dataIndex: 'location', width: 160 },
        { title: '出席要求', dataIndex: 'mandatory', width: 90, render: (v) => (v ? <Tag color="red">须出席</Tag> : <Tag>自愿</Tag>) },
        mine
          ? {
              title: '我的情况', key: 'mine', width: 200,
              render: (_v, r) => r.mine && (
                <>
                  {r.mine.outcome ? <Tag color={outcomeColors[r.mine.outcome]}>{r.mine.outcomeLabel}</Tag> : r.mine.checkedInAt ? <Tag color="green">已签到</Tag> : <Tag>{r.mine.replyLabel}</Tag>}
                  {r.mine.leave && <Tag color={r.mine.leave === 'approved' ? 'blue' : r.mine.leave === 'refused' ? 'volcano' : 'gold'}>{leaveLabels[r.mine.leave]}</Tag>}
                </>
              ),
            }
          : { title: '签到/邀请', key: 'counts', width: 100, render: (_v, r) => `${r.checkedIn} / ${r.invited}` },
        { title: '状态', dataIndex: 'statusLabel', width: 130, render: (v, r) => <Tag color={statusColors[r.status]}>{v}</Tag> },
      ]}
    />
  );
}
