import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../app/api';
import { run } from '../../app/errors';
import { toBody } from '../../app/forms';
import { toOptions } from '../../app/labels';
import { FormModal } from '../../app/ui/FormModal';
import { useOrgOptions } from '../org/useOrgOptions';
import { SimilarPanel } from './SimilarPanel';
import { useDraftIssues } from './useOptions';
import { adoptionModeLabels, levelLabels, sendKindLabels, type OpinionDetail, type OpinionOptions } from './types';

export type ActionKind = 'edit' | 'adopt' | 'decline' | 'sendUp' | 'recordSend' | 'recordAdoption' | 'instruct' | 'assign' | 'adoptIncoming' | 'declineIncoming' | 'followUp';

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
  instruct: '记录领导批示', assign: '转部门办理', adoptIncoming: '采用下级报送的信息', declineIncoming: '不予采用（反馈下级政协）', followUp: '记录批示落实情况',
};
const today = () => dayjs();

/** Every form of the report page, each sending exactly what its route expects, with the record's version. */
export function ActionModal({ kind, opinion: o, options, instructionId, onClose, onSaved, onConflict }: Props) {
  const needsIssues = kind === 'adopt' || kind === 'adoptIncoming';
  const { issues, reload: reloadIssues } = useDraftIssues(needsIssues);
  const defaultLevel = options?.committeeLevel ?? 'district';
  const max = options?.maxLength ?? 1500;
  const path = `/opinions/${o.id}`;

  const send = (v: Record<string, any>): Promise<OpinionDetail> => {
    const b = toBody(v);
    switch (kind!) {
      case 'edit': return api.post(`${path}/edit`, { title: b.title, body: b.body, note: b.note ?? undefined, version: o.version });
      case 'adopt': return api.post(`${path}/actions/adopt`, { issueId: b.issueId, version: o.version });
      case 'decline': return api.post(`${path}/actions/decline`, { feedback: b.feedback, version: o.version });
      case 'sendUp': return api.post(`${path}/actions/sendUp`, { note: b.note ?? undefined, version: o.version });
      case 'recordSend': return api.post(`${path}/sends`, b);
      case 'recordAdoption': return api.post(`${path}/adoptions`, b);
      case 'instruct': return api.post(`${path}/instructions`, b);
      case 'followUp': return api.post(`${path}/instructions/${instructionId}/follow-up`, b);
      case 'assign': return api.post(`${path}/assign`, { version: o.version, assignments: [{ unitId: b.unitId, role: 'sole' }] });
      case 'adoptIncoming': return api.post(`${path}/incoming/adopt`, { version: o.incoming!.version, mode: b.mode, issueId: b.issueId ?? null, note: b.note });
      case 'declineIncoming': return api.post(`${path}/incoming/decline`, { version: o.incoming!.version, feedback: b.feedback });
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
    assign: {},
    adoptIncoming: { mode: 'alone' },
    declineIncoming: {},
  };

  const newIssue = () => run(async () => {
    await api.post('/opinions/issues', {});
    await reloadIssues();
  }, { success: '已新建一期' });

  const issueSelect = (required: boolean) => (
    <Form.Item label="期刊" required={required}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name="issueId" noStyle rules={required ? [{ required: true, message: '请选择期刊' }] : []}>
          <Select allowClear={!required} placeholder="选择编辑中的一期" options={issues.map((i) => ({ value: i.id, label: `《${options?.periodical ?? '社情民意'}》${i.title}` }))} data-testid="opinion-issue-select" />
        </Form.Item>
        <Button icon={<PlusOutlined />} onClick={newIssue} data-testid="opinion-issue-new">新建一期</Button>
      </Space.Compact>
    </Form.Item>
  );
  const levelSelect = <Select options={toOptions(levelLabels)} />;

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
            <Form.Item name="title" label="标题" rules={[{ required: true, min: 4, max: 100 }]}><Input data-testid="opinion-edit-title" /></Form.Item>
            <Form.Item name="body" label="正文" rules={[{ required: true, min: 20 }]}>
              <Input.TextArea rows={14} showCount={{ formatter: ({ count }) => `${count} / ${max}` }} data-testid="opinion-edit-body" />
            </Form.Item>
            <Form.Item name="note" label="修改说明"><Input placeholder="如：压缩篇幅、调整标题" data-testid="opinion-edit-note" /></Form.Item>
          </Col>
          <Col xs={24} lg={9}>
            <SimilarPanel excludeId={o.id} />
          </Col>
        </Row>
      )}
      {kind === 'adopt' && issueSelect(true)}
      {(kind === 'decline' || kind === 'declineIncoming') && (
        <Form.Item name="feedback" label="反馈意见" rules={[{ required: true, min: 2 }]}><Input.TextArea rows={4} placeholder="说明未采用的原因和改进建议" /></Form.Item>
      )}
      {kind === 'sendUp' && <Form.Item name="note" label="报送说明"><Input.TextArea rows={3} /></Form.Item>}
      {kind === 'recordSend' && (
        <>
          <Form.Item name="kind" label="报送对象" rules={[{ required: true }]}><Select options={toOptions(sendKindLabels)} /></Form.Item>
          <Form.Item name="targetName" label="报送单位" rules={[{ required: true, min: 2 }]}><Input placeholder="如：区委办公室" /></Form.Item>
          <Form.Item name="sentOn" label="报送日期" rules={[{ required: true }]}><DatePicker /></Form.Item>
        </>
      )}
      {kind === 'recordAdoption' && (
        <>
          <Form.Item name="level" label="采用层级" rules={[{ required: true }]}>{levelSelect}</Form.Item>
          <Form.Item name="mode" label="采用方式" rules={[{ required: true }]}><Select options={toOptions(adoptionModeLabels)} /></Form.Item>
          <Form.Item name="adoptedBy" label="采用单位或刊物" rules={[{ required: true, min: 2 }]}><Input placeholder="如：广东省政协《社情民意》" /></Form.Item>
          <Form.Item name="department" label="采用部门（部门采用时填写）"><Input /></Form.Item>
          <Form.Item name="adoptedOn" label="采用日期" rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="note" label="备注"><Input /></Form.Item>
        </>
      )}
      {kind === 'instruct' && (
        <>
          <Form.Item name="leaderName" label="批示领导" rules={[{ required: true, min: 2 }]}><Input placeholder="如：区委书记 张某" data-testid="instruction-leader" /></Form.Item>
          <Form.Item name="level" label="批示层级" rules={[{ required: true }]}>{levelSelect}</Form.Item>
          <Form.Item name="instructedOn" label="批示日期" rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="text" label="批示内容" rules={[{ required: true, min: 2 }]}><Input.TextArea rows={4} data-testid="instruction-text" /></Form.Item>
          <Form.Item name="followUp" label="落实情况"><Input.TextArea rows={3} /></Form.Item>
        </>
      )}
      {kind === 'followUp' && <Form.Item name="followUp" label="落实情况" rules={[{ required: true, min: 2 }]}><Input.TextArea rows={4} /></Form.Item>}
      {kind === 'assign' && (
        <Form.Item name="unitId" label="承办部门" rules={[{ required: true }]}>
          <UnitSelect />
        </Form.Item>
      )}
      {kind === 'adoptIncoming' && (
        <>
          <Form.Item name="mode" label="采用方式" rules={[{ required: true }]}><Select options={toOptions(adoptionModeLabels)} /></Form.Item>
          {issueSelect(false)}
          <Form.Item name="note" label="备注"><Input /></Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** The committee's units; mounted only in the assign form, so readers who may not list units never ask. */
function UnitSelect(props: { value?: string; onChange?: (v: string) => void }) {
  const { options } = useOrgOptions(['units']);
  return <Select {...props} showSearch={{ optionFilterProp: 'label' }} options={options.units} />;
}
