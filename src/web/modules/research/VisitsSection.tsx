import { useState } from 'react';
import { Button, Form, Input, List, Tag } from 'antd';
import { Link } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { researchPaths } from '@shared/research/paths';
import type { TopicDetail } from '@shared/research/responses';
import { api } from '../../app/api';
import { can, formatTime } from '../../app/forms';
import { FormModal } from '../../app/ui/FormModal';
import { GuardedButton } from '../../app/ui/GuardedButton';

const activityStates: Record<string, string> = { scheduled: '已安排', closed: '已结束', cancelled: '已取消' };

/**
 * 实地调研视察: each visit is an event of 会议活动 inviting the confirmed group — its page has the
 * venue QR code for check-in, leave and attendance; here the office schedules it.
 */
export function VisitsSection({ t }: { t: TopicDetail }) {
  const [adding, setAdding] = useState(false);
  return (
    <>
      <List
        dataSource={t.visits}
        locale={{ emptyText: '尚未安排实地调研' }}
        renderItem={(v) => (
          <List.Item data-testid="research-visit">
            <List.Item.Meta
              title={v.activityId ? <Link to={`/meetings/${v.activityId}`}>{v.place}</Link> : v.place}
              description={`${formatTime(v.startsAt)} — ${formatTime(v.endsAt)} · 签到 ${v.checkedIn}/${v.invited} 人`}
            />
            <Tag>{activityStates[v.activityStatus] ?? v.activityStatus}</Tag>
          </List.Item>
        )}
      />
      {can(t, 'manage') && <GuardedButton onClick={() => setAdding(true)} why={t.groupSize === 0 && '请先确定调研组成员，再安排实地调研'} data-testid="visit-add">安排实地调研</GuardedButton>}
      <FormModal
        name="researchVisit"
        open={adding}
        title="安排实地调研（通知调研组成员）"
        save={(v) => api.post(pathTo(researchPaths.visits, { id: t.id }), { place: v.place, agenda: v.agenda, startsAt: new Date(v.startsAt).toISOString(), endsAt: new Date(v.endsAt).toISOString() })}
        onSaved={() => setAdding(false)}
        onClose={() => setAdding(false)}
        success="已安排，调研组成员已收到通知"
      >
        <Form.Item name="place" label="调研地点" rules={[{ required: true, min: 2, max: 100 }]}><Input /></Form.Item>
        <Form.Item name="startsAt" label="开始时间" rules={[{ required: true, message: '请填写开始时间' }]}><Input type="datetime-local" /></Form.Item>
        <Form.Item name="endsAt" label="结束时间" rules={[{ required: true, message: '请填写结束时间' }]}><Input type="datetime-local" /></Form.Item>
        <Form.Item name="agenda" label="行程安排"><Input.TextArea rows={3} /></Form.Item>
      </FormModal>
    </>
  );
}
