import { useState } from 'react';
import { Button, Form, Input, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { meetingPaths } from '@shared/meetings/paths';
import { api } from '../../app/api';
import { formatTime } from '../../app/forms';
import { FormModal } from '../../app/ui/FormModal';
import type { LeaveRequest, MeetingDetail } from '@shared/meetings/responses';

interface Props {
  requests: LeaveRequest[];
  /** may the viewer decide (a designated office) */
  canDecide: boolean;
  onDecided(d: MeetingDetail): void;
  onConflict(): void;
  /** show the event of each request (the approval queue) */
  showEvent?: boolean;
}

const colors: Record<string, string> = { pending: 'gold', approved: 'blue', refused: 'volcano', withdrawn: 'default' };

/** 请假审批: each request with its reason; the designated office approves or refuses it with a note. */
export function LeaveDecisions({ requests, canDecide, onDecided, onConflict, showEvent }: Props) {
  const [deciding, setDeciding] = useState<{ request: LeaveRequest; approve: boolean } | null>(null);
  return (
    <>
      <Table<LeaveRequest>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={requests}
        scroll={{ x: 700 }}
        columns={[
          { title: '委员', dataIndex: 'memberName', width: 100 },
          ...(showEvent ? [{ title: '会议活动', key: 'event', render: (_v: unknown, r: LeaveRequest) => <Link to={`/meetings/${r.activityId}`}>{r.title}（{formatTime(r.startsAt)}）</Link> }] : []),
          { title: '事由', dataIndex: 'reason' },
          { title: '申请时间', dataIndex: 'createdAt', width: 140, render: (v) => formatTime(v) },
          { title: '状态', dataIndex: 'statusLabel', width: 90, render: (v, r) => <Tag color={colors[r.status]}>{v}</Tag> },
          { title: '审批', key: 'decision', width: 160, render: (_v, r) => (r.decidedByName ? `${r.decidedByName}${r.decisionNote ? `：${r.decisionNote}` : ''}` : '') },
          {
            title: '操作', key: 'op', width: 130,
            render: (_v, r) => canDecide && r.status === 'pending' && (
              <Space>
                <Button size="small" type="primary" onClick={() => setDeciding({ request: r, approve: true })} data-testid="leave-approve">批准</Button>
                <Button size="small" danger onClick={() => setDeciding({ request: r, approve: false })}>不批准</Button>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<MeetingDetail>
        name="decide-leave"
        open={deciding !== null}
        title={deciding ? `${deciding.approve ? '批准' : '不批准'}请假：${deciding.request.memberName}` : ''}
        success={deciding?.approve ? '已批准' : '已不批准'}
        onClose={() => setDeciding(null)}
        onConflict={onConflict}
        onSaved={(d) => {
          setDeciding(null);
          onDecided(d);
        }}
        save={(v) => api.post(pathTo(meetingPaths.decideLeave, { id: deciding!.request.id }), { version: deciding!.request.version, approve: deciding!.approve, note: v.note || undefined })}
      >
        <Form.Item name="note" label="审批意见" rules={deciding && !deciding.approve ? [{ required: true, message: '不批准请说明理由' }] : []}>
          <Input.TextArea rows={3} data-testid="leave-note" />
        </Form.Item>
      </FormModal>
    </>
  );
}
