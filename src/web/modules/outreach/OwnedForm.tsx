import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { pathTo } from '@shared/http/paths';
import { optionsOf } from '@shared/labels';
import { contactInput, deedInput, partnerInput, serviceInput } from '@shared/outreach/inputs';
import { contactWays, outreachKinds, type OwnedKind } from '@shared/outreach/labels';
import { outreachPaths } from '@shared/outreach/paths';
import type { AnyRecord, Contact, OutreachOptions, Partner } from '@shared/outreach/responses';
import { api } from '../../app/api';
import { toBody, toForm } from '../../app/forms';
import { fieldRule, fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';
import { useGet } from '../../app/query';
import { MemberPicker } from '../members/MemberPicker';

interface Props {
  kind: OwnedKind;
  open: boolean;
  /** the record being edited; none to add one */
  record?: AnyRecord | null;
  options: OutreachOptions | undefined;
  onClose(): void;
  onSaved(r: AnyRecord): void;
}

const required = { required: true };
const partnerRules = fieldRules(partnerInput);
const contactRules = fieldRules(contactInput);
const deedRules = fieldRules(deedInput);
const serviceRules = fieldRules(serviceInput);
const personName = fieldRule(contactInput.shape.people.element.shape.name);
const personSector = fieldRule(contactInput.shape.people.element.shape.sector);
const notFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');

/** The member's active paired contacts to choose from (for staff: those of the member chosen in the form). */
function PartnerChoice() {
  const form = Form.useFormInstance();
  const memberId = Form.useWatch('memberId', form) as string | undefined;
  const { data } = useGet<{ items: Partner[] }>(pathTo(outreachPaths.owned, { kind: 'partners' }), { memberId, status: 'active' });
  return (
    <Form.Item name="partnerIds" label="结对联系对象（本次见到的）">
      <Select mode="multiple" data-testid="contact-partners" options={(data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.sector}）` }))} placeholder="从我的结对联系对象中选择" />
    </Form.Item>
  );
}

/** Other people met this time (not paired contacts): name and sector or affiliation. */
function OtherPeople() {
  return (
    <Form.List name="others">
      {(fields, { add, remove }) => (
        <Form.Item label="其他联系群众">
          {fields.map((f) => (
            <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[f.name, 'name']} rules={[personName]}><Input placeholder="姓名" /></Form.Item>
              <Form.Item name={[f.name, 'sector']} rules={[personSector]}><Input placeholder="界别或单位" /></Form.Item>
              <MinusCircleOutlined onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>添加联系群众</Button>
        </Form.Item>
      )}
    </Form.List>
  );
}

/** Record → form values (a contact's people split into paired contacts and others). */
function initial(kind: OwnedKind, r: AnyRecord | null | undefined) {
  if (!r) return kind === 'partners' ? {} : { day: dayjs(), ...(kind === 'contacts' ? { way: 'inPerson' } : {}) };
  const v = toForm(r, ['day']);
  if (kind === 'contacts') {
    const c = r as Contact;
    return { ...v, partnerIds: c.people.filter((p) => p.partnerId).map((p) => p.partnerId), others: c.people.filter((p) => !p.partnerId) };
  }
  return v;
}

/** Form values → request body. */
async function body(kind: OwnedKind, values: Record<string, any>) {
  const { partnerIds = [], others = [], ...rest } = values;
  const out = toBody(rest);
  if (kind === 'contacts') {
    out.people = [...(partnerIds as string[]).map((id) => ({ name: '结对联系对象', partnerId: id })), ...(others as { name: string; sector?: string }[]).map((p) => ({ name: p.name, sector: p.sector ?? '' }))];
  }
  for (const k of Object.keys(out)) if (out[k] === null && ['phone', 'note', 'followUp', 'place'].includes(k) === false) delete out[k];
  return out;
}

/** 新增/编辑 one of a member's outreach records; staff first choose the member. */
export function OwnedForm({ kind, open, record, options, onClose, onSaved }: Props) {
  const editing = !!record;
  return (
    <FormModal<AnyRecord>
      name={`outreach_${kind}`}
      open={open}
      title={`${editing ? '编辑' : '新增'}${outreachKinds[kind]}`}
      width={680}
      initialValues={initial(kind, record)}
      onClose={onClose}
      onSaved={onSaved}
      save={async (v) => {
        const b = await body(kind, v);
        if (kind === 'contacts' && (b.people as unknown[]).length === 0) throw new Error('请至少选择或填写一位联系对象');
        return editing ? api.patch(pathTo(outreachPaths.ownedItem, { kind, id: record!.id }), { ...b, version: record!.version }) : api.post(pathTo(outreachPaths.owned, { kind }), b);
      }}
    >
      {!editing && options?.recordsForOthers && (
        <Form.Item name="memberId" label="委员" rules={[required]}><MemberPicker /></Form.Item>
      )}
      {kind === 'partners' && (
        <>
          <Form.Item name="name" label="姓名" rules={partnerRules.name}><Input data-testid="partner-name" /></Form.Item>
          <Form.Item name="sector" label="界别或单位" rules={partnerRules.sector}><Input data-testid="partner-sector" /></Form.Item>
          <Form.Item name="phone" label="联系电话" rules={partnerRules.phone}><Input /></Form.Item>
          <Form.Item name="note" label="备注" rules={partnerRules.note}><Input.TextArea rows={2} /></Form.Item>
        </>
      )}
      {kind === 'contacts' && (
        <>
          <Space wrap>
            <Form.Item name="day" label="联系日期" rules={contactRules.day}><DatePicker disabledDate={notFuture} /></Form.Item>
            <Form.Item name="way" label="联系方式" rules={contactRules.way}><Select style={{ width: 140 }} options={optionsOf(contactWays)} data-testid="contact-way" /></Form.Item>
          </Space>
          <PartnerChoice />
          <OtherPeople />
          <Form.Item name="raised" label="群众反映的问题" rules={contactRules.raised}><Input.TextArea rows={4} data-testid="contact-raised" /></Form.Item>
          <Form.Item name="followUp" label="跟进情况" rules={contactRules.followUp}><Input.TextArea rows={2} /></Form.Item>
        </>
      )}
      {kind === 'deeds' && (
        <>
          <Form.Item name="title" label="事项名称" rules={deedRules.title}><Input data-testid="deed-title" /></Form.Item>
          <Form.Item name="problem" label="群众困难或问题" rules={deedRules.problem}><Input.TextArea rows={3} data-testid="deed-problem" /></Form.Item>
          <Form.Item name="action" label="办理措施" rules={deedRules.action}><Input.TextArea rows={3} data-testid="deed-action" /></Form.Item>
          <Space wrap>
            <Form.Item name="beneficiaries" label="受益群众" rules={deedRules.beneficiaries}><Input data-testid="deed-beneficiaries" style={{ width: 280 }} /></Form.Item>
            <Form.Item name="day" label="开始日期" rules={deedRules.day}><DatePicker disabledDate={notFuture} /></Form.Item>
          </Space>
        </>
      )}
      {kind === 'services' && (
        <>
          <Form.Item name="title" label="活动名称" rules={serviceRules.title}><Input data-testid="service-title" /></Form.Item>
          <Space wrap>
            <Form.Item name="day" label="活动日期" rules={serviceRules.day}><DatePicker disabledDate={notFuture} /></Form.Item>
            <Form.Item name="hours" label="时长（小时）" rules={serviceRules.hours}><InputNumber min={0.5} max={24} step={0.5} /></Form.Item>
          </Space>
          <Form.Item name="place" label="地点" rules={serviceRules.place}><Input /></Form.Item>
          <Form.Item name="note" label="备注" rules={serviceRules.note}><Input.TextArea rows={2} /></Form.Item>
        </>
      )}
    </FormModal>
  );
}
