import { DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { pathTo } from '@shared/http/paths';
import { jointInput } from '@shared/joint/inputs';
import { jointPaths } from '@shared/joint/paths';
import type { DistrictMembers, JointDetail, JointDistricts } from '@shared/joint/responses';
import { api } from '../../app/api';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';
import { useGet } from '../../app/query';

const rules = fieldRules(jointInput);

/** The members of one district to pick from (name, code, sector). */
function DistrictMembersField({ district }: { district: { id: string; name: string } }) {
  const { data } = useGet<DistrictMembers>(pathTo(jointPaths.districtMembers, { committeeId: district.id }));
  return (
    <Form.Item name={['members', district.id]} label={`${district.name}邀请的委员`} rules={[{ required: true, message: `请选择${district.name}的委员` }]}>
      <Select
        mode="multiple"
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="输入姓名查找"
        options={(data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.code}${m.sector ? ` · ${m.sector}` : ''}）` }))}
      />
    </Form.Item>
  );
}

/**
 * 组织联合视察调研: kind, name, time and place, then the districts taking part and, for each, the
 * members invited — they see it among their own committee's 会议活动.
 */
export function JointForm({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(id: string): void }) {
  const { data: districts } = useGet<JointDistricts>(jointPaths.districts);
  const save = (v: Record<string, any>) =>
    api.post<JointDetail>(jointPaths.list, {
      kind: v.kind, title: v.title, location: v.location ?? '', agenda: v.agenda ?? '', startsAt: v.time?.[0]?.toISOString(), endsAt: v.time?.[1]?.toISOString(),
      districts: (v.districtIds ?? []).map((id: string) => ({ committeeId: id, memberIds: v.members?.[id] ?? [] })),
    });
  const tomorrow = dayjs().add(1, 'day').startOf('day');
  return (
    <FormModal<JointDetail>
      name="joint"
      open={open}
      title="组织联合视察调研"
      width={720}
      initialValues={{ kind: 'inspection', time: [tomorrow.hour(9), tomorrow.hour(12)] }}
      onClose={onClose}
      onSaved={(r) => onSaved(r.id)}
      success="已组织并通知受邀的区政协委员"
      save={save}
    >
      <Flex gap={12} wrap>
        <Form.Item name="kind" label="类型" rules={rules.kind} style={{ minWidth: 160 }}>
          <Select options={districts?.kinds ?? []} />
        </Form.Item>
        <Form.Item name="title" label="名称" rules={rules.title} style={{ flex: 1, minWidth: 240 }}>
          <Input placeholder="如：联合视察河湖长制落实情况" />
        </Form.Item>
      </Flex>
      <Form.Item name="time" label="时间" rules={[{ required: true, message: '请选择开始和结束时间' }]}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="location" label="地点" rules={rules.location}><Input /></Form.Item>
      <Form.Item name="districtIds" label="参加的区政协" rules={[{ required: true, message: '请选择参加的区政协' }]}>
        <Select mode="multiple" options={(districts?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.districtIds !== b.districtIds}>
        {({ getFieldValue }) =>
          ((getFieldValue('districtIds') ?? []) as string[]).map((id) => {
            const d = districts?.items.find((x) => x.id === id);
            return d ? <DistrictMembersField key={id} district={d} /> : null;
          })
        }
      </Form.Item>
      <Form.Item name="agenda" label="活动安排" rules={rules.agenda}><Input.TextArea rows={3} /></Form.Item>
    </FormModal>
  );
}
