import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, Form, Input, List, Modal, Popconfirm, Skeleton, Space, Tag } from 'antd';
import { QrcodeOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { jointCancelPartBody } from '@shared/joint/inputs';
import { pathTo } from '@shared/http/paths';
import { jointPaths } from '@shared/joint/paths';
import type { JointDetail, JointParticipant } from '@shared/joint/responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { can, formatTime } from '../../../app/forms';
import { PageCard } from '../../../app/ui/PageCard';
import { showAnswer, useGet } from '../../../app/query';
import { usePageTitle } from '../../../app/ui/PageTitle';
import { FormModal } from '../../../app/ui/FormModal';
import { fieldRules } from '../../../app/rules';
import { QrPanel } from '../../meetings/QrPanel';
import { InviteDistrictsForm } from '../JointForm';

const cancelRules = fieldRules(jointCancelPartBody);
type District = JointDetail['districts'][number];

/**
 * 联合视察调研详情: the event, and per district the members invited with their reply and check-in;
 * the organising office shows the venue code (each district's member checks in to their own part),
 * checks members in, invites more districts, calls a district's part off or reopens it, and closes
 * the event (each district's members are credited in their own committee).
 */
export default function JointDetailPage() {
  const { id = '' } = useParams();
  const path = pathTo(jointPaths.detail, { id });
  const { data: j, isPending, refetch } = useGet<JointDetail>(path);
  const [showQr, setShowQr] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [cancelling, setCancelling] = useState<District | null>(null);
  usePageTitle(j?.title);
  if (isPending && !j) return <Skeleton active />;
  if (!j) return <Empty description="联合视察调研不存在或无权查看" />;
  const done = (d: JointDetail | undefined) => d && void showAnswer(path, d);
  const attend = (p: JointParticipant, present: boolean) =>
    run(() => api.post<JointDetail>(pathTo(jointPaths.attendance, { id, memberId: p.memberId }), { version: p.version, present }), { success: present ? `${p.name}已签到` : '已取消签到', onConflict: () => void refetch() }).then(done);
  const reopen = (d: District) =>
    run(() => api.post<JointDetail>(pathTo(jointPaths.reopenPart, { id, committeeId: d.committeeId }), { version: j.version }), { success: `已恢复${d.name}参加并通知其受邀委员`, onConflict: () => void refetch() }).then(done);
  const close = () => run(() => api.post<JointDetail>(pathTo(jointPaths.close, { id }), { version: j.version }), { success: '已结束，考勤已记入各区委员的履职档案', onConflict: () => void refetch() }).then(done);
  return (
    <PageCard
      title={j.title}
      extra={
        <Space wrap>
          {can(j, 'attendance') && <Button icon={<QrcodeOutlined />} onClick={() => setShowQr(true)} data-testid="show-qr">显示签到二维码</Button>}
          {can(j, 'districts') && <Button icon={<UsergroupAddOutlined />} onClick={() => setInviting(true)} data-testid="joint-invite">追加邀请区政协</Button>}
          {can(j, 'close') && (
            <Popconfirm title="结束并确认考勤？各区委员的出席将记入其本区履职档案" okText="确认" cancelText="取消" onConfirm={close}>
              <Button type="primary">结束并确认考勤</Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="类型">{j.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="状态"><Tag>{j.statusLabel}</Tag></Descriptions.Item>
        <Descriptions.Item label="参加方式"><span data-testid="joint-participation-label">{j.participationLabel}</span></Descriptions.Item>
        <Descriptions.Item label="时间">{formatTime(j.startsAt)} 至 {formatTime(j.endsAt)}</Descriptions.Item>
        <Descriptions.Item label="地点">{j.location || '—'}</Descriptions.Item>
        {j.agenda && <Descriptions.Item label="活动安排">{j.agenda}</Descriptions.Item>}
      </Descriptions>
      <Flex vertical gap={12}>
        {j.districts.map((d) => (
          <Card
            key={d.committeeId}
            size="small"
            data-testid="joint-district"
            title={<h2 style={{ fontSize: 15, margin: 0, whiteSpace: 'normal' }}>{d.name}（邀请{d.invited}人，签到{d.checkedIn}人）{d.status === 'cancelled' && <Tag color="red" style={{ marginLeft: 8 }}>{d.statusLabel}</Tag>}</h2>}
            extra={<>
              {d.actions.includes('cancelPart') && <Button size="small" danger onClick={() => setCancelling(d)} aria-label={`取消${d.name}参加`}>取消参加</Button>}
              {d.actions.includes('reopenPart') && (
                <Popconfirm title={`恢复${d.name}参加？其受邀委员将再次收到通知`} okText="恢复" cancelText="取消" onConfirm={() => reopen(d)}>
                  <Button size="small" aria-label={`恢复${d.name}参加`}>恢复参加</Button>
                </Popconfirm>
              )}
            </>}
          >
            <List
              dataSource={d.participants}
              renderItem={(p) => (
                <List.Item
                  actions={can(j, 'attendance') && d.status === 'scheduled' ? [
                    p.checkedInAt
                      ? <Button key="undo" size="small" onClick={() => attend(p, false)} aria-label={`取消${p.name}的签到`}>取消签到</Button>
                      : <Button key="in" size="small" type="primary" onClick={() => attend(p, true)} aria-label={`${p.name}代为签到`}>代为签到</Button>,
                  ] : []}
                >
                  <List.Item.Meta
                    title={p.name}
                    description={<>{p.replyLabel}{p.checkedInAt ? ` · 已签到 ${formatTime(p.checkedInAt)}` : ' · 未签到'}{p.outcomeLabel ? ` · ${p.outcomeLabel}` : ''}</>}
                  />
                </List.Item>
              )}
            />
          </Card>
        ))}
      </Flex>
      <Modal open={showQr} onCancel={() => setShowQr(false)} footer={null} width={420} title={j.title} destroyOnHidden>
        <QrPanel meetingId={j.id} tokenPath={pathTo(jointPaths.qr, { id })} />
      </Modal>
      <InviteDistrictsForm joint={j} open={inviting} onClose={() => setInviting(false)} onConflict={() => void refetch()} onSaved={(d) => { setInviting(false); done(d); }} />
      <FormModal<JointDetail>
        name="cancelPart"
        open={cancelling !== null}
        title={`取消${cancelling?.name ?? ''}参加`}
        onClose={() => setCancelling(null)}
        onConflict={() => void refetch()}
        onSaved={(d) => { setCancelling(null); done(d); }}
        success="已取消并通知该区受邀委员"
        save={(v) => api.post<JointDetail>(pathTo(jointPaths.cancelPart, { id, committeeId: cancelling!.committeeId }), { version: j.version, reason: v.reason })}
      >
        <Form.Item name="reason" label="取消原因" rules={cancelRules.reason}>
          <Input.TextArea rows={3} data-testid="cancel-part-reason" />
        </Form.Item>
      </FormModal>
    </PageCard>
  );
}
