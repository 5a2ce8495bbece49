import { useState } from 'react';
import { Button, Form, Input, List, Select, Tag, Typography } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { activityBody } from '@shared/supervision/inputs';
import { supervisionActivityKinds } from '@shared/supervision/labels';
import { supervisionPaths } from '@shared/supervision/paths';
import type { SupervisionActivity, SupervisionGroup, SupervisionTopic } from '@shared/supervision/responses';
import { api } from '../../app/api';
import { can, formatTime } from '../../app/forms';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';

const rules = fieldRules(activityBody);
const statusColors: Record<string, string> = { scheduled: 'blue', closed: 'green', cancelled: 'default' };

/**
 * 监督活动: a group's inspections, research visits and forums, each an event of 会议活动 — its page
 * (for the office, leaders and the invited members) has the venue QR code, leave and attendance.
 */
export function ActivityList({ items, empty = '尚未安排监督活动' }: { items: SupervisionActivity[]; empty?: string }) {
  return (
    <List
      size="small"
      dataSource={items}
      locale={{ emptyText: empty }}
      renderItem={(a) => (
        <List.Item data-testid="supervision-activity" style={{ flexWrap: 'wrap', gap: 4 }}>
          <div style={{ minWidth: 0, flex: '1 1 200px' }}>
            <Tag color="purple">{a.kindLabel}</Tag>
            {a.activityId ? <Link to={`/meetings/${a.activityId}`}>{a.title}</Link> : <span>{a.title}</span>}
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {formatTime(a.startsAt)} · {a.place} · 签到 {a.checkedIn}/{a.invited} 人{a.topicTitle ? ` · ${a.topicTitle}` : ''}
            </Typography.Text>
          </div>
          <Tag color={statusColors[a.status]}>{a.statusLabel}</Tag>
        </List.Item>
      )}
    />
  );
}

/** The office's button and dialog that schedule an activity of the group, inviting its members. */
export function ScheduleActivity({ group, topics }: { group: SupervisionGroup; topics: SupervisionTopic[] }) {
  const [open, setOpen] = useState(false);
  if (!can(group, 'update')) return null;
  const mine = topics.filter((t) => t.groupId === group.id);
  return (
    <>
      <Button size="small" icon={<CalendarOutlined />} onClick={() => setOpen(true)} data-testid="activity-add" aria-label={`为${group.name}安排监督活动`}>
        安排监督活动
      </Button>
      <FormModal
        name="supervisionActivity"
        open={open}
        title={`安排监督活动（通知${group.name}成员）`}
        initialValues={{ kind: 'inspection' }}
        save={(v) =>
          api.post<SupervisionGroup>(pathTo(supervisionPaths.groupActivities, { id: group.id }), {
            ...v, startsAt: new Date(v.startsAt).toISOString(), endsAt: new Date(v.endsAt).toISOString(), topicId: v.topicId ?? null,
          })
        }
        onSaved={() => setOpen(false)}
        onClose={() => setOpen(false)}
        success="已安排，小组成员已收到通知"
      >
        <Form.Item name="kind" label="活动形式" rules={rules.kind}>
          <Select options={Object.entries(supervisionActivityKinds).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="title" label="活动名称" rules={rules.title}><Input placeholder="视察老旧小区加装电梯工作" data-testid="activity-title" /></Form.Item>
        <Form.Item name="place" label="活动地点" rules={rules.place}><Input data-testid="activity-place" /></Form.Item>
        <Form.Item name="startsAt" label="开始时间" rules={[{ required: true, message: '开始时间：必填' }]}><Input type="datetime-local" data-testid="activity-starts" /></Form.Item>
        <Form.Item name="endsAt" label="结束时间" rules={[{ required: true, message: '结束时间：必填' }]}><Input type="datetime-local" data-testid="activity-ends" /></Form.Item>
        <Form.Item name="topicId" label="监督议题" rules={rules.topicId}>
          <Select allowClear placeholder="不针对具体议题" options={mine.map((t) => ({ value: t.id, label: t.title }))} />
        </Form.Item>
        <Form.Item name="agenda" label="活动安排" rules={rules.agenda}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
      </FormModal>
    </>
  );
}
