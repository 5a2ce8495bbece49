import { useState } from 'react';
import { MeetingKeyLink } from '../../proposals/key/MeetingKeyLink';
import { Button, Card, Col, Descriptions, Empty, Flex, Form, Input, Modal, Popconfirm, Row, Skeleton, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import { QrcodeOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { meetingPaths } from '@shared/meetings/paths';
import type { Invitee, MeetingDetail } from '@shared/meetings/responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { can, formatTime } from '../../../app/forms';
import { FormModal } from '../../../app/ui/FormModal';
import { showAnswer, useGet } from '../../../app/query';
import { AttendanceModal } from '../AttendanceModal';
import { EditMeetingModal } from '../EditMeetingModal';
import { FilesPanel } from '../FilesPanel';
import { LeaveDecisions } from '../LeaveDecisions';
import { MyInvitation } from '../MyInvitation';
import { QrPanel } from '../QrPanel';
import { outcomeColors, statusColors } from '../colors';
import { PageHeading, usePageTitle } from '../../../app/ui/PageTitle';
import { LinkButton } from '../../../app/ui/LinkButton';

/** 会议活动详情: details, the member's own part, and for organisers the QR code, attendance, leave, closing and records. */
export default function MeetingDetailPage() {
  const { id } = useParams();
  const path = pathTo(meetingPaths.detail, { id: id ?? '' });
  const { data: m, isPending: loading, refetch } = useGet<MeetingDetail>(path);
  // a write answers with the event as it now is: show it at once (the refetch after the write agrees)
  const setData = (d: MeetingDetail) => void showAnswer(path, d);
  const reload = () => void refetch();
  usePageTitle(m?.title);
  const [showQr, setShowQr] = useState(false);
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [recording, setRecording] = useState<Invitee | null>(null);
  if (loading && !m) return <Skeleton active />;
  if (!m) return <Empty description="会议活动不存在或无权查看" />;

  const act = (action: 'close' | 'reopen') =>
    run(() => api.post<MeetingDetail>(pathTo(meetingPaths.action, { id: m.id, action }), { version: m.version }), { success: action === 'close' ? '考勤已确认，履职记录已生成' : '已重新打开考勤', onConflict: reload }).then((d) => d && setData(d));
  const checkInNow = (i: Invitee) =>
    run(() => api.post<MeetingDetail>(pathTo(meetingPaths.attendance, { id: m.id, memberId: i.memberId }), { version: i.version, checkedInAt: new Date().toISOString() }), { success: `${i.name} 已签到`, onConflict: reload }).then((d) => d && setData(d));
  const staffView = m.invitees.length > 0 || can(m, 'manage');
  const s = m.stats;

  return (
    <Flex vertical gap={16}>
      <MeetingKeyLink activityId={m.id} />
      <Card
        title={<PageHeading data-testid="meeting-title">{m.title}</PageHeading>}
        extra={<>{m.organiserOffice === 'parent' && <Tag color="blue" data-testid="meeting-joint">上级政协组织（上下联动）</Tag>}<Tag color={statusColors[m.status]} data-testid="meeting-status">{m.statusLabel}</Tag></>}
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="类型">{m.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="时间">{formatTime(m.startsAt)} 至 {formatTime(m.endsAt).slice(11)}</Descriptions.Item>
          <Descriptions.Item label="地点">{m.location || '—'}</Descriptions.Item>
          <Descriptions.Item label="出席要求">{m.mandatory ? <Tag color="red">须出席</Tag> : <Tag>自愿参加</Tag>}</Descriptions.Item>
          <Descriptions.Item label="邀请对象">{m.invitationLabels.join('、')}（{m.invited}人）</Descriptions.Item>
          <Descriptions.Item label="签到">{m.checkedIn} 人</Descriptions.Item>
        </Descriptions>
        {m.agenda && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}><strong>议程：</strong>{m.agenda}</Typography.Paragraph>}
        <Flex gap={8} wrap>
          {can(m, 'attendance') && <Button type="primary" icon={<QrcodeOutlined />} onClick={() => setShowQr(true)} data-testid="show-qr">显示签到二维码</Button>}
          {can(m, 'manage') && <Button onClick={() => setEditing(true)} data-testid="meeting-edit">修改、材料与纪要</Button>}
          {can(m, 'close') && (
            <Popconfirm title="结束并确认考勤？" description="确认后按出席情况生成委员履职记录。" onConfirm={() => act('close')}>
              <Button data-testid="meeting-close">结束并确认考勤</Button>
            </Popconfirm>
          )}
          {can(m, 'reopen') && <Popconfirm title="重新打开考勤？已生成的履职记录将作废，确认后重新生成。" onConfirm={() => act('reopen')}><Button>重新打开考勤</Button></Popconfirm>}
          {can(m, 'cancel') && <Button danger onClick={() => setCancelling(true)}>取消活动</Button>}
        </Flex>
      </Card>

      {m.mine && <MyInvitation meeting={m} onChange={setData} reload={reload} />}

      {staffView && (
        <Row gutter={[16, 16]} data-testid="meeting-stats">
          {[
            ['邀请', s.invited], ['已签到', s.checkedIn], ['出席', s.attended], ['请假', s.excused], ['缺席', s.absent + s.leaveRefused], ['迟到', s.late], ['早退', s.leftEarly],
          ].map(([label, value]) => (
            <Col key={label} xs={8} md={3}><Card size="small"><Statistic title={label} value={value} /></Card></Col>
          ))}
          <Col xs={8} md={3}><Card size="small"><Statistic title={s.final ? '出席率' : '出席率（暂计）'} value={s.rate} suffix="%" /></Card></Col>
        </Row>
      )}

      {m.leaveRequests.length > 0 && (
        <Card title="请假申请" size="small">
          <LeaveDecisions requests={m.leaveRequests} canDecide={can(m, 'decideLeave')} onDecided={setData} onConflict={reload} />
        </Card>
      )}

      {m.invitees.length > 0 && (
        <Card title={`受邀委员（${m.invitees.length}）`} size="small">
          <Table<Invitee>
            rowKey="memberId"
            size="small"
            dataSource={m.invitees}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            columns={[
              { title: '编号', dataIndex: 'code', width: 90 },
              { title: '姓名', dataIndex: 'name', width: 90 },
              { title: '回复', dataIndex: 'replyLabel', width: 80 },
              { title: '请假', dataIndex: 'leave', width: 90, render: (v) => (v ? { approved: '已批准', refused: '未批准', pending: '待审批' }[v as string] : '') },
              {
                title: '签到', key: 'checkIn', width: 170,
                render: (_v, i) => i.checkedInAt ? <>{formatTime(i.checkedInAt).slice(11)} {i.checkInMethod === 'qr' ? '扫码' : '代签'}{i.late && <Tag color="orange" style={{ marginLeft: 4 }}>迟到</Tag>}</> : '—',
              },
              { title: '离会', dataIndex: 'leftAt', width: 110, render: (v, i) => (v ? <>{formatTime(v).slice(11)}{i.leftEarly && <Tag color="orange" style={{ marginLeft: 4 }}>早退</Tag>}</> : '') },
              { title: '出席时长', dataIndex: 'share', width: 80, render: (v) => `${v}%` },
              { title: s.final ? '考勤结果' : '考勤（暂计）', dataIndex: 'outcomeLabel', width: 150, render: (v, i) => <Tag color={outcomeColors[i.outcome]}>{v}</Tag> },
              {
                title: '操作', key: 'op', width: 140,
                render: (_v, i) => can(m, 'attendance') && (
                  <Flex gap={8}>
                    {!i.checkedInAt && <LinkButton onClick={() => checkInNow(i)} data-testid="staff-checkin">代为签到</LinkButton>}
                    <LinkButton onClick={() => setRecording(i)}>记录</LinkButton>
                  </Flex>
                ),
              },
            ]}
          />
        </Card>
      )}

      <Card title="会议材料与纪要" size="small">
        <FilesPanel meeting={m} manage={can(m, 'manage')} onChange={setData} />
      </Card>

      {m.history.length > 0 && (
        <Card title="记录" size="small">
          <Timeline items={m.history.map((h) => ({ children: <>{formatTime(h.at)} {h.actorName} {h.actionLabel}{h.note ? `：${h.note}` : ''}</> }))} />
        </Card>
      )}

      <Modal open={showQr} onCancel={() => setShowQr(false)} footer={null} width={420} title={m.title} destroyOnHidden>
        <QrPanel meetingId={m.id} />
      </Modal>
      <EditMeetingModal meeting={m} open={editing} onClose={() => setEditing(false)} onConflict={reload} onSaved={(d) => { setEditing(false); setData(d); }} />
      <AttendanceModal meeting={m} invitee={recording} onClose={() => setRecording(null)} onConflict={reload} onSaved={(d) => { setRecording(null); setData(d); }} />
      <FormModal<MeetingDetail>
        name="cancel"
        open={cancelling}
        title="取消活动"
        success="已取消"
        onClose={() => setCancelling(false)}
        onConflict={reload}
        onSaved={(d) => { setCancelling(false); setData(d); }}
        save={(v) => api.post(pathTo(meetingPaths.action, { id: m.id, action: 'cancel' }), { version: m.version, reason: v.reason })}
      >
        <Form.Item name="reason" label="取消原因" rules={[{ required: true, min: 2 }]}><Input.TextArea rows={3} /></Form.Item>
      </FormModal>
    </Flex>
  );
}
