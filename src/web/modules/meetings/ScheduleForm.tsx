import { Button, DatePicker, Flex, Form, Input, Select, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { meetingPaths } from '@shared/meetings/paths';
import { meetingInput } from '@shared/meetings/inputs';
import { api } from '../../app/api';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';
import { useOrgOptions } from '../org/useOrgOptions';
import { MemberPicker } from '../members/MemberPicker';
import type { MeetingDetail, MeetingList, MeetingOptions } from '@shared/meetings/responses';

const rules = fieldRules(meetingInput);

interface Props {
  open: boolean;
  options: MeetingOptions | undefined;
  onClose(): void;
  /** the new event (for a plenary session: its first half-day) */
  onSaved(id: string): void;
}

const parts = { am: { label: '上午', from: '08:30', to: '12:00' }, pm: { label: '下午', from: '14:30', to: '17:30' } } as const;
type Part = keyof typeof parts;

/** A half-day in China's time, whatever the browser's zone. */
const halfDay = (day: Dayjs, part: Part) => ({ startsAt: `${day.format('YYYY-MM-DD')}T${parts[part].from}:00+08:00`, endsAt: `${day.format('YYYY-MM-DD')}T${parts[part].to}:00+08:00` });

function invitation(v: Record<string, any>) {
  switch (v.scopeType) {
    case 'everyone':
      return { type: 'everyone' };
    case 'members':
      return { type: 'members', ids: v.memberIds ?? [] };
    default:
      return { type: v.scopeType, id: v.scopeId };
  }
}

/**
 * 安排会议活动: kind, time (a plenary session by half-days), place, whether attendance is required
 * and who is invited — everyone, a special committee, a sector, a studio or named members.
 */
export function ScheduleForm({ open, options, onClose, onSaved }: Props) {
  const { options: org } = useOrgOptions(['sectors', 'special-committees', 'studios']);
  const scopeChoices: Record<string, { value: string; label: string }[]> = { sector: org.sectors, specialCommittee: org['special-committees'], studio: org.studios };

  const save = async (v: Record<string, any>): Promise<{ id: string }> => {
    const common = { title: v.title, location: v.location ?? '', mandatory: v.mandatory, agenda: v.agenda ?? '', invitations: [invitation(v)], sessionId: v.sessionId ?? null };
    if (v.kind === 'plenary') {
      const res = await api.post<Pick<MeetingList, 'items'>>(meetingPaths.plenary, { ...common, halfDays: (v.halfDays ?? []).map((h: { day: Dayjs; part: Part }) => halfDay(h.day, h.part)) });
      return res.items[0];
    }
    return api.post<MeetingDetail>(meetingPaths.list, { ...common, kind: v.kind, startsAt: v.time[0].toISOString(), endsAt: v.time[1].toISOString() });
  };

  const tomorrow = dayjs().add(1, 'day').startOf('day');
  return (
    <FormModal<{ id: string }>
      name="schedule"
      open={open}
      title="安排会议活动"
      width={720}
      initialValues={{ kind: 'activityDay', mandatory: true, scopeType: 'everyone', halfDays: [{ day: tomorrow, part: 'am' }], time: [tomorrow.hour(9), tomorrow.hour(11).minute(30)] }}
      onClose={onClose}
      onSaved={(r) => onSaved(r.id)}
      success="已安排并通知受邀委员"
      save={save}
    >
      <Flex gap={12} wrap>
        <Form.Item name="kind" label="类型" rules={rules.kind} style={{ minWidth: 180 }}>
          <Select options={options?.kinds ?? []} data-testid="schedule-kind" />
        </Form.Item>
        <Form.Item name="title" label="名称" rules={rules.title} style={{ flex: 1, minWidth: 260 }}>
          <Input placeholder="如：委员活动日——走进社区" data-testid="schedule-title" />
        </Form.Item>
      </Flex>
      <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
        {({ getFieldValue }) =>
          getFieldValue('kind') === 'plenary' ? (
            <>
              <Form.Item name="sessionId" label="所属大会">
                <Select allowClear options={(options?.sessions ?? []).map((s) => ({ value: s.id, label: s.name }))} placeholder="如：第七届委员会第五次会议" />
              </Form.Item>
              <Form.Item label="会期（每半天一场，分别签到、请假）" required>
                <Form.List name="halfDays" rules={[{ validator: async (_r, v) => { if (!v?.length) throw new Error('至少安排半天'); } }]}>
                  {(fields, { add, remove }, { errors }) => (
                    <>
                      {fields.map((f) => (
                        <Flex key={f.key} gap={8} align="baseline">
                          <Form.Item name={[f.name, 'day']} rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
                          <Form.Item name={[f.name, 'part']} rules={[{ required: true }]}>
                            <Select style={{ width: 160 }} options={(Object.keys(parts) as Part[]).map((p) => ({ value: p, label: `${parts[p].label} ${parts[p].from}–${parts[p].to}` }))} />
                          </Form.Item>
                          {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                        </Flex>
                      ))}
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ day: tomorrow, part: 'pm' })} data-testid="schedule-add-half-day">增加半天</Button>
                      <Form.ErrorList errors={errors} />
                    </>
                  )}
                </Form.List>
              </Form.Item>
            </>
          ) : (
            <Form.Item name="time" label="时间" rules={[{ required: true, message: '请选择开始和结束时间' }]}>
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="schedule-time" />
            </Form.Item>
          )
        }
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="location" label="地点" style={{ flex: 1, minWidth: 260 }}><Input data-testid="schedule-location" /></Form.Item>
        <Form.Item name="mandatory" label="须出席" valuePropName="checked"><Switch checkedChildren="须出席" unCheckedChildren="自愿" /></Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="scopeType" label="邀请对象" rules={[{ required: true }]} style={{ minWidth: 160 }}>
          <Select options={options?.scopeTypes ?? []} data-testid="schedule-scope" />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.scopeType !== b.scopeType}>
          {({ getFieldValue }) => {
            const t = getFieldValue('scopeType');
            if (t === 'members')
              return (
                <Form.Item name="memberIds" label="委员" rules={[{ required: true, message: '请选择委员' }]} style={{ flex: 1, minWidth: 300 }}>
                  <MemberPicker multiple data-testid="schedule-members" />
                </Form.Item>
              );
            if (scopeChoices[t])
              return (
                <Form.Item name="scopeId" label={options?.scopeTypes.find((s) => s.value === t)?.label} rules={[{ required: true, message: '请选择' }]} style={{ flex: 1, minWidth: 260 }}>
                  <Select showSearch={{ optionFilterProp: 'label' }} options={scopeChoices[t]} />
                </Form.Item>
              );
            return null;
          }}
        </Form.Item>
      </Flex>
      <Form.Item name="agenda" label="议程"><Input.TextArea rows={3} /></Form.Item>
    </FormModal>
  );
}
