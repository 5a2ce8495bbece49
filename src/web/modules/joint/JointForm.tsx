import { DatePicker, Flex, Form, Input, Radio, Select } from 'antd';
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
export function DistrictMembersField({ district }: { district: { id: string; name: string } }) {
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
      kind: v.kind, title: v.title, participation: v.participation, location: v.location ?? '', agenda: v.agenda ?? '', startsAt: v.time?.[0]?.toISOString(), endsAt: v.time?.[1]?.toISOString(),
      districts: (v.districtIds ?? []).map((id: string) => ({ committeeId: id, memberIds: v.members?.[id] ?? [] })),
    });
  const tomorrow = dayjs().add(1, 'day').startOf('day');
  return (
    <FormModal<JointDetail>
      name="joint"
      open={open}
      title="组织联合视察调研"
      width={720}
      // the participation mode the committee's 上下联动 settings give, until the organiser picks the other
      initialValues={{ kind: 'inspection', participation: districts?.participation ?? 'voluntary', time: [tomorrow.hour(9), tomorrow.hour(12)] }}
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
      <Form.Item name="participation" label="参加方式" rules={rules.participation} extra="指定参加：不能出席的委员须向本区政协请假；自愿报名：委员回复是否出席">
        <Radio.Group options={districts?.participations ?? []} data-testid="joint-participation" />
      </Form.Item>
      <DistrictsFields items={districts?.items ?? []} />
      <Form.Item name="agenda" label="活动安排" rules={rules.agenda}><Input.TextArea rows={3} /></Form.Item>
    </FormModal>
  );
}

/** The districts to invite and, for each picked, its members (scheduling, and inviting more later). */
export function DistrictsFields({ items }: { items: { id: string; name: string }[] }) {
  return (
    <>
      <Form.Item name="districtIds" label="参加的区政协" rules={[{ required: true, message: '请选择参加的区政协' }]}>
        <Select mode="multiple" options={items.map((d) => ({ value: d.id, label: d.name }))} data-testid="joint-districts" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.districtIds !== b.districtIds}>
        {({ getFieldValue }) =>
          ((getFieldValue('districtIds') ?? []) as string[]).map((id) => {
            const d = items.find((x) => x.id === id);
            return d ? <DistrictMembersField key={id} district={d} /> : null;
          })
        }
      </Form.Item>
    </>
  );
}

/** 追加邀请区政协: districts not yet taking part, each with its members. */
export function InviteDistrictsForm({ joint, open, onClose, onSaved, onConflict }: { joint: JointDetail; open: boolean; onClose(): void; onSaved(d: JointDetail): void; onConflict(): void }) {
  const { data: districts } = useGet<JointDistricts>(jointPaths.districts);
  const taking = new Set(joint.districts.map((d) => d.committeeId));
  const save = (v: Record<string, any>) =>
    api.post<JointDetail>(pathTo(jointPaths.invite, { id: joint.id }), {
      version: joint.version, districts: (v.districtIds ?? []).map((id: string) => ({ committeeId: id, memberIds: v.members?.[id] ?? [] })),
    });
  return (
    <FormModal<JointDetail> name="jointInvite" open={open} title="追加邀请区政协" width={640} onClose={onClose} onSaved={onSaved} onConflict={onConflict} success="已邀请并通知该区受邀委员" save={save}>
      <DistrictsFields items={(districts?.items ?? []).filter((d) => !taking.has(d.id))} />
    </FormModal>
  );
}
