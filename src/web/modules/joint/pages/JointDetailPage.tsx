import { Button, Card, Descriptions, Empty, Flex, List, Popconfirm, Skeleton, Tag } from 'antd';
import { useParams } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { jointPaths } from '@shared/joint/paths';
import type { JointDetail, JointParticipant } from '@shared/joint/responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { can, formatTime } from '../../../app/forms';
import { PageCard } from '../../../app/ui/PageCard';
import { showAnswer, useGet } from '../../../app/query';
import { usePageTitle } from '../../../app/ui/PageTitle';

/**
 * 联合视察调研详情: the event, and per district the members invited with their reply and check-in;
 * the organising office checks them in and closes the event (each district's members are credited
 * in their own committee).
 */
export default function JointDetailPage() {
  const { id = '' } = useParams();
  const path = pathTo(jointPaths.detail, { id });
  const { data: j, isPending, refetch } = useGet<JointDetail>(path);
  usePageTitle(j?.title);
  if (isPending && !j) return <Skeleton active />;
  if (!j) return <Empty description="联合视察调研不存在或无权查看" />;
  const done = (d: JointDetail | undefined) => d && void showAnswer(path, d);
  const attend = (p: JointParticipant, present: boolean) =>
    run(() => api.post<JointDetail>(pathTo(jointPaths.attendance, { id, memberId: p.memberId }), { version: p.version, present }), { success: present ? `${p.name}已签到` : '已取消签到', onConflict: () => void refetch() }).then(done);
  const close = () => run(() => api.post<JointDetail>(pathTo(jointPaths.close, { id }), { version: j.version }), { success: '已结束，考勤已记入各区委员的履职档案', onConflict: () => void refetch() }).then(done);
  return (
    <PageCard
      title={j.title}
      extra={can(j, 'close') && (
        <Popconfirm title="结束并确认考勤？各区委员的出席将记入其本区履职档案" okText="确认" cancelText="取消" onConfirm={close}>
          <Button type="primary">结束并确认考勤</Button>
        </Popconfirm>
      )}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="类型">{j.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="状态"><Tag>{j.statusLabel}</Tag></Descriptions.Item>
        <Descriptions.Item label="时间">{formatTime(j.startsAt)} 至 {formatTime(j.endsAt)}</Descriptions.Item>
        <Descriptions.Item label="地点">{j.location || '—'}</Descriptions.Item>
        {j.agenda && <Descriptions.Item label="活动安排">{j.agenda}</Descriptions.Item>}
      </Descriptions>
      <Flex vertical gap={12}>
        {j.districts.map((d) => (
          <Card key={d.committeeId} size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{d.name}（邀请{d.invited}人，签到{d.checkedIn}人）</h2>}>
            <List
              dataSource={d.participants}
              renderItem={(p) => (
                <List.Item
                  actions={can(j, 'attendance') ? [
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
    </PageCard>
  );
}
