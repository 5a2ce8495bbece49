import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { pathTo } from '@shared/http/paths';
import { optionsOf } from '@shared/labels';
import { actionBodies, adoptionBody, editBody, followUpBody, incomingAdoptBody, incomingDeclineBody, instructionBody, sendBody } from '@shared/opinions/inputs';
import { adoptionModes, levels, sendKinds } from '@shared/opinions/labels';
import { opinionPaths } from '@shared/opinions/paths';
import type { OpinionDetail, OpinionOptions } from '@shared/opinions/responses';
import { api } from '../../app/api';
import { fieldRules } from '../../app/rules';
import { run } from '../../app/errors';
import { toBody } from '../../app/forms';
import { FormModal } from '../../app/ui/FormModal';
import { SimilarPanel } from './SimilarPanel';
import { useDraftIssues } from './useOptions';

const edit = fieldRules(editBody);
const sending = fieldRules(sendBody);
const adoption = fieldRules(adoptionBody);
const instruction = fieldRules(instructionBody);
const followUp = fieldRules(followUpBody);
const incoming = fieldRules(incomingAdoptBody);
const adopt = fieldRules(actionBodies.adopt);
const decline = fieldRules(actionBodies.decline);
const declineIncoming = fieldRules(incomingDeclineBody);
const sendUp = fieldRules(actionBodies.sendUp);

export type ActionKind = 'edit' | 'adopt' | 'decline' | 'sendUp' | 'recordSend' | 'recordAdoption' | 'instruct' | 'adoptIncoming' | 'declineIncoming' | 'followUp';

interface Props {
  kind: ActionKind | null;
  opinion: OpinionDetail;
  options: OpinionOptions | undefined;
  /** the instruction whose follow-up is recorded */
  instructionId?: string;
  onClose(): void;
  onSaved(o: OpinionDetail): void;
  onConflict(): void;
}

const titles: Record<ActionKind, string> = {
  edit: '编辑信息（保留原稿）', adopt: '采用编入刊物', decline: '不予采用', sendUp: '报送上级政协', recordSend: '记录报送去向', recordAdoption: '记录采用情况',
  instruct: '记录领导批示', adoptIncoming: '采用下级报送的信息', declineIncoming: '不予采用（反馈下级政协）', followUp: '记录批示落实情况',
};
const today = () => dayjs();

/** Every form of the report page, each sending exactly what its route expects, with the record's version. */
export function ActionModal({ kind, opinion: o, options, instructionId, onClose, onSaved, onConflict }: Props) {
  const needsIssues = kind === 'adopt' || kind === 'adoptIncoming';
  const { issues } = useDraftIssues(needsIssues);
  const defaultLevel = options?.committeeLevel ?? 'district';
  const max = options?.maxLength ?? 1500;
  const id = o.id;

  const send = (v: Record<string, any>): Promise<OpinionDetail> => {
    const b = toBody(v);
    switch (kind!) {
      case 'edit': return api.post(pathTo(opinionPaths.edit, { id }), { title: b.title, body: b.body, note: b.note ?? undefined, version: o.version });
      case 'adopt': return api.post(pathTo(opinionPaths.action, { id, action: 'adopt' }), { issueId: b.issueId, version: o.version });
      case 'decline': return api.post(pathTo(opinionPaths.action, { id, action: 'decline' }), { feedback: b.feedback, version: o.version });
      case 'sendUp': return api.post(pathTo(opinionPaths.action, { id, action: 'sendUp' }), { note: b.note ?? undefined, version: o.version });
      case 'recordSend': return api.post(pathTo(opinionPaths.sends, { id }), b);
      case 'recordAdoption': return api.post(pathTo(opinionPaths.adoptions, { id }), b);
      case 'instruct': return api.post(pathTo(opinionPaths.instructions, { id }), b);
      case 'followUp': return api.post(pathTo(opinionPaths.followUp, { id, instructionId: instructionId! }), b);
      case 'adoptIncoming': return api.post(pathTo(opinionPaths.adoptIncoming, { id }), { version: o.incoming!.version, mode: b.mode, issueId: b.issueId ?? null, note: b.note });
      case 'declineIncoming': return api.post(pathTo(opinionPaths.declineIncoming, { id }), { version: o.incoming!.version, feedback: b.feedback });
    }
  };

  const initial: Record<ActionKind, object> = {
    edit: { title: o.title, body: o.body },
    adopt: { issueId: issues[0]?.id },
    decline: {}, sendUp: {},
    recordSend: { kind: 'partyCommittee', sentOn: today() },
    recordAdoption: { level: defaultLevel, mode: 'alone', adoptedOn: today() },
    instruct: { level: defaultLevel, instructedOn: today() },
    followUp: { followUp: o.instructions.find((i) => i.id === instructionId)?.followUp ?? '' },
    adoptIncoming: { mode: 'alone' },
    declineIncoming: {},
  };

  // the new issue shows in the list at once: every write refetches what is on screen
  const newIssue = () => run(() => api.post(opinionPaths.issues, {}), { success: '已新建一期' });

  const issueSelect = (required: boolean) => (
    <Form.Item label="期刊" required={required}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name="issueId" noStyle rules={required ? adopt.issueId : incoming.issueId}>
          <Select allowClear={!required} placeholder="选择编辑中的一期" options={issues.map((i) => ({ value: i.id, label: `《${options?.periodical ?? '社情民意'}》${i.title}` }))} data-testid="opinion-issue-select" />
        </Form.Item>
        <Button icon={<PlusOutlined />} onClick={newIssue} data-testid="opinion-issue-new">新建一期</Button>
      </Space.Compact>
    </Form.Item>
  );
  const levelSelect = <Select options={optionsOf(levels)} />;

  return (
    <FormModal<OpinionDetail>
      open={kind !== null}
      title={kind ? titles[kind] : ''}
      width={kind === 'edit' ? 1120 : 560}
      initialValues={kind ? initial[kind] : undefined}
      onClose={onClose}
      onSaved={onSaved}
      onConflict={onConflict}
      save={send}
    >
      {kind === 'edit' && (
        <Row gutter={16}>
          <Col xs={24} lg={15}>
            <Form.Item name="title" label="标题" rules={edit.title}><Input data-testid="opinion-edit-title" /></Form.Item>
            <Form.Item name="body" label="正文" rules={edit.body}>
              <Input.TextArea rows={14} showCount={{ formatter: ({ count }) => `${count} / ${max}` }} data-testid="opinion-edit-body" />
            </Form.Item>
            <Form.Item name="note" label="修改说明" rules={edit.note}><Input placeholder="如：压缩篇幅、调整标题" data-testid="opinion-edit-note" /></Form.Item>
          </Col>
          <Col xs={24} lg={9}>
            <SimilarPanel excludeId={o.id} />
          </Col>
        </Row>
      )}
      {kind === 'adopt' && issueSelect(true)}
      {(kind === 'decline' || kind === 'declineIncoming') && (
        <Form.Item name="feedback" label="反馈意见" rules={kind === 'decline' ? decline.feedback : declineIncoming.feedback}><Input.TextArea rows={4} placeholder="说明未采用的原因和改进建议" /></Form.Item>
      )}
      {kind === 'sendUp' && <Form.Item name="note" label="报送说明" rules={sendUp.note}><Input.TextArea rows={3} /></Form.Item>}
      {kind === 'recordSend' && (
        <>
          <Form.Item name="kind" label="报送对象" rules={sending.kind}><Select options={optionsOf(sendKinds)} /></Form.Item>
          <Form.Item name="targetName" label="报送单位" rules={sending.targetName}><Input placeholder="如：区委办公室" /></Form.Item>
          <Form.Item name="sentOn" label="报送日期" rules={sending.sentOn}><DatePicker /></Form.Item>
        </>
      )}
      {kind === 'recordAdoption' && (
        <>
          <Form.Item name="level" label="采用层级" rules={adoption.level}>{levelSelect}</Form.Item>
          <Form.Item name="mode" label="采用方式" rules={adoption.mode}><Select options={optionsOf(adoptionModes)} /></Form.Item>
          <Form.Item name="adoptedBy" label="采用单位或刊物" rules={adoption.adoptedBy}><Input placeholder="如：广东省政协《社情民意》" /></Form.Item>
          <Form.Item name="department" label="采用部门（部门采用时填写）" rules={adoption.department}><Input /></Form.Item>
          <Form.Item name="adoptedOn" label="采用日期" rules={adoption.adoptedOn}><DatePicker /></Form.Item>
          <Form.Item name="note" label="备注" rules={adoption.note}><Input /></Form.Item>
        </>
      )}
      {kind === 'instruct' && (
        <>
          <Form.Item name="leaderName" label="批示领导" rules={instruction.leaderName}><Input placeholder="如：区委书记 张某" data-testid="instruction-leader" /></Form.Item>
          <Form.Item name="level" label="批示层级" rules={instruction.level}>{levelSelect}</Form.Item>
          <Form.Item name="instructedOn" label="批示日期" rules={instruction.instructedOn}><DatePicker /></Form.Item>
          <Form.Item name="text" label="批示内容" rules={instruction.text}><Input.TextArea rows={4} data-testid="instruction-text" /></Form.Item>
          <Form.Item name="followUp" label="落实情况" rules={instruction.followUp}><Input.TextArea rows={3} /></Form.Item>
        </>
      )}
      {kind === 'followUp' && <Form.Item name="followUp" label="落实情况" rules={followUp.followUp}><Input.TextArea rows={4} /></Form.Item>}
      {kind === 'adoptIncoming' && (
        <>
          <Form.Item name="mode" label="采用方式" rules={incoming.mode}><Select options={optionsOf(adoptionModes)} /></Form.Item>
          {issueSelect(false)}
          <Form.Item name="note" label="备注" rules={incoming.note}><Input /></Form.Item>
        </>
      )}
    </FormModal>
  );
}
