import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { pathTo } from '@shared/http/paths';
import { councilParties } from '@shared/consultation/council-labels';
import { councilActionBodies, councilCreate, councilItemInput, councilItemPatch, councilParticipantInput, councilPatch, type CouncilDecision } from '@shared/consultation/council-inputs';
import type { CouncilDetail } from '@shared/consultation/council-responses';
import { consultationPaths } from '@shared/consultation/paths';
import { optionsOf } from '@shared/labels';
import { api } from '../../../app/api';
import { toBody } from '../../../app/forms';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';
import { MemberPicker } from '../../members/MemberPicker';

const createRules = fieldRules(councilCreate);
const patchRules = fieldRules(councilPatch);
const participantRules = fieldRules(councilParticipantInput);
const itemRules = fieldRules(councilItemInput);
const progressRules = fieldRules(councilItemPatch);
const deliberateRules = fieldRules(councilActionBodies.deliberate);
const publishRules = fieldRules(councilActionBodies.publish);
const voidRules = fieldRules(councilActionBodies.void);
const notFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');

/** 发起基层协商 (收集民意): the question residents raised, who organises it, where. */
export function CouncilCreateForm({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(c: CouncilDetail): void }) {
  return (
    <FormModal<CouncilDetail> name="council_create" open={open} title="发起基层协商" success="已发起，进入收集民意" onClose={onClose} onSaved={onSaved}
      save={(v) => api.post<CouncilDetail>(consultationPaths.councils, toBody(v))}>
      <Form.Item name="topic" label="议题" rules={createRules.topic}><Input data-testid="council-topic" /></Form.Item>
      <Form.Item name="organizer" label="组织单位" rules={createRules.organizer}><Input placeholder="如：布吉街道政协联络组" data-testid="council-organizer" /></Form.Item>
      <Form.Item name="place" label="议事地点" rules={createRules.place}><Input data-testid="council-place" /></Form.Item>
      <Form.Item name="opinions" label="民意收集情况" rules={createRules.opinions}><Input.TextArea rows={4} data-testid="council-opinions" /></Form.Item>
    </FormModal>
  );
}

/** 修改议事会记录: each step's text, as far as the council has come. */
export function CouncilEditForm({ council, onClose }: { council: CouncilDetail | null; onClose(): void }) {
  const c = council;
  return (
    <FormModal<CouncilDetail> name="council_edit" open={!!c} title="修改议事会记录" onClose={onClose} onSaved={onClose}
      initialValues={c ? { topic: c.topic, organizer: c.organizer, place: c.place, opinions: c.opinions, research: c.research, minutes: c.minutes, result: c.result } : {}}
      save={(v) => api.patch<CouncilDetail>(pathTo(consultationPaths.council, { id: c!.id }), { version: c!.version, ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== '')) })}>
      <Form.Item name="topic" label="议题" rules={patchRules.topic}><Input /></Form.Item>
      <Form.Item name="organizer" label="组织单位" rules={patchRules.organizer}><Input /></Form.Item>
      <Form.Item name="place" label="议事地点" rules={patchRules.place}><Input /></Form.Item>
      <Form.Item name="opinions" label="民意收集情况" rules={patchRules.opinions}><Input.TextArea rows={3} /></Form.Item>
      <Form.Item name="research" label="议前调研情况" rules={patchRules.research}><Input.TextArea rows={3} data-testid="council-research-text" /></Form.Item>
      {c && c.step >= 4 && <Form.Item name="minutes" label="协商议事情况" rules={patchRules.minutes}><Input.TextArea rows={3} /></Form.Item>}
      {c && c.step >= 5 && <Form.Item name="result" label="协商结果" rules={patchRules.result}><Input.TextArea rows={4} /></Form.Item>}
    </FormModal>
  );
}

const stepTitles: Partial<Record<CouncilDecision, string>> = { deliberate: '召开协商议事', publish: '公示协商结果', void: '作废议事会' };

/** The steps that need words: the day of 协商议事 and how it went, the result to publish, why it is voided. */
export function StepForm({ council, action, onClose }: { council: CouncilDetail; action: CouncilDecision | null; onClose(): void }) {
  return (
    <FormModal<CouncilDetail> name="council_step" open={!!action} title={(action && stepTitles[action]) ?? ''} onClose={onClose} onSaved={onClose}
      initialValues={action === 'deliberate' ? { day: dayjs(), minutes: council.minutes } : action === 'publish' ? { result: council.result } : {}}
      save={(v) => api.post<CouncilDetail>(pathTo(consultationPaths.councilAction, { id: council.id, action: action! }), { version: council.version, ...toBody(v) })}>
      {action === 'deliberate' && <>
        <Form.Item name="day" label="议事日期" rules={deliberateRules.day}><DatePicker disabledDate={notFuture} data-testid="council-day" /></Form.Item>
        <Form.Item name="minutes" label="协商议事情况" rules={deliberateRules.minutes}><Input.TextArea rows={4} data-testid="council-minutes" /></Form.Item>
      </>}
      {action === 'publish' && (
        <Form.Item name="result" label="协商结果" rules={publishRules.result} extra="公示后将在政协公开门户发布（不公开参加人员姓名和电话）">
          <Input.TextArea rows={5} data-testid="council-result" />
        </Form.Item>
      )}
      {action === 'void' && <Form.Item name="reason" label="作废理由" rules={voidRules.reason}><Input.TextArea rows={3} /></Form.Item>}
    </FormModal>
  );
}

/** 添加参加人员: a member from the roster, anyone else by name and organisation (no account needed). */
export function ParticipantForm({ council, open, onClose }: { council: CouncilDetail; open: boolean; onClose(): void }) {
  return (
    <FormModal<CouncilDetail> name="council_participant" open={open} title="添加参加人员" success="已添加" onClose={onClose} onSaved={onClose} initialValues={{ party: 'resident' }}
      save={(v) => api.post<CouncilDetail>(pathTo(consultationPaths.councilParticipants, { id: council.id }), { version: council.version, ...toBody(v) })}>
      <Form.Item name="party" label="参加方" rules={participantRules.party}><Select options={optionsOf(councilParties)} data-testid="participant-party" /></Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) => getFieldValue('party') === 'member'
          ? <Form.Item name="memberId" label="委员" rules={[{ required: true, message: '请选择参加的政协委员' }]}><MemberPicker aria-label="委员" data-testid="participant-member" /></Form.Item>
          : <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写参加人员的姓名' }, ...participantRules.name]}><Input data-testid="participant-name" /></Form.Item>}
      </Form.Item>
      <Form.Item name="unit" label="单位或组织" rules={participantRules.unit} extra="委员可不填，取其工作单位"><Input data-testid="participant-unit" /></Form.Item>
      <Form.Item name="phone" label="联系电话（仅办公室可见）" rules={participantRules.phone}><Input data-testid="participant-phone" /></Form.Item>
    </FormModal>
  );
}

/** 记录议定事项: what was agreed, the unit responsible, by when. */
export function ItemForm({ council, open, onClose }: { council: CouncilDetail; open: boolean; onClose(): void }) {
  return (
    <FormModal<CouncilDetail> name="council_item" open={open} title="记录议定事项" success="已记录" onClose={onClose} onSaved={onClose}
      save={(v) => api.post<CouncilDetail>(pathTo(consultationPaths.councilItems, { id: council.id }), { version: council.version, ...toBody(v) })}>
      <Form.Item name="title" label="议定事项" rules={itemRules.title}><Input.TextArea rows={2} data-testid="item-title" /></Form.Item>
      <Form.Item name="responsible" label="责任单位" rules={itemRules.responsible}><Input data-testid="item-responsible" /></Form.Item>
      <Form.Item name="dueOn" label="完成时限" rules={itemRules.dueOn}><DatePicker /></Form.Item>
    </FormModal>
  );
}

/** 跟踪落实: the progress of one item, and whether it is done. */
export function ProgressForm({ council, item, onClose }: { council: CouncilDetail; item: CouncilDetail['items'][number] | null; onClose(): void }) {
  return (
    <FormModal<CouncilDetail> name="council_progress" open={!!item} title="跟踪落实" onClose={onClose} onSaved={onClose}
      initialValues={item ? { status: item.status, progress: item.progress } : {}}
      save={(v) => api.patch<CouncilDetail>(pathTo(consultationPaths.councilItem, { id: council.id, itemId: item!.id }), { version: council.version, ...v, progress: v.progress ?? null })}>
      <Form.Item name="status" label="落实状态" rules={progressRules.status}><Select options={[{ value: 'open', label: '落实中' }, { value: 'done', label: '已落实' }]} data-testid="item-status" /></Form.Item>
      <Form.Item name="progress" label="落实情况" rules={progressRules.progress}><Input.TextArea rows={3} data-testid="item-progress" /></Form.Item>
    </FormModal>
  );
}
