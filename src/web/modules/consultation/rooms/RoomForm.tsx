import { DatePicker, Form, Input, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { roomCreate } from '@shared/consultation/room-inputs';
import { consultationPaths } from '@shared/consultation/paths';
import type { PlanDetail, PlanSummary } from '@shared/consultation/responses';
import type { RoomDetail } from '@shared/consultation/room-responses';
import { pathTo } from '@shared/http/paths';
import { api } from '../../../app/api';
import { useGet } from '../../../app/query';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';

const rules = fieldRules(roomCreate);

/** The consultations of the latest approved plan a room may be opened on (not those already done). */
function useConsultations(enabled: boolean) {
  const { data: plans } = useGet<{ items: PlanSummary[] }>(consultationPaths.plans, undefined, { enabled });
  const plan = [...(plans?.items ?? [])].filter((p) => p.status === 'approved').sort((a, b) => b.year - a.year)[0];
  const { data } = useGet<PlanDetail>(pathTo(consultationPaths.plan, { id: plan?.id ?? '' }), undefined, { enabled: enabled && !!plan });
  return (data?.items ?? []).filter((i) => i.id && i.status !== 'done').map((i) => ({ value: i.id!, label: `${i.title}（${i.formLabel}）` }));
}

/** 开设网络议政室: on which consultation, what to discuss, from when to when, and whether the public may take part. */
export function RoomForm({ open, consultationId, onClose, onSaved }: { open: boolean; consultationId?: string; onClose(): void; onSaved(room: RoomDetail): void }) {
  const consultations = useConsultations(open);
  return (
    <FormModal<RoomDetail>
      name="room"
      open={open}
      title="开设网络议政室"
      initialValues={{ consultationId, publicAccess: false, opensAt: dayjs(), closesAt: dayjs().add(14, 'day') }}
      save={(v) => api.post<RoomDetail>(consultationPaths.rooms, { ...v, opensAt: v.opensAt?.toISOString(), closesAt: v.closesAt?.toISOString() })}
      onSaved={onSaved}
      onClose={onClose}
      success="议政室已开设"
    >
      <Form.Item name="consultationId" label="协商活动" rules={rules.consultationId}>
        <Select options={consultations} showSearch optionFilterProp="label" data-testid="room-consultation" />
      </Form.Item>
      <Form.Item name="title" label="议政主题" rules={rules.title}>
        <Input data-testid="room-title" />
      </Form.Item>
      <Form.Item name="intro" label="议政说明" rules={rules.intro}>
        <Input.TextArea rows={4} placeholder="请委员和群众围绕哪些问题发表意见" data-testid="room-intro" />
      </Form.Item>
      <Form.Item name="opensAt" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="closesAt" label="结束时间" rules={[{ required: true, message: '请选择结束时间' }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="publicAccess" label="向社会公众开放（门户发言经审核后公开）" valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
