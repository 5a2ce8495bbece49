import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { extensionBody, extensionDecisionBody, objectBody, objectionDecisionBody, opinionBody } from '@shared/handling/inputs';
import { handlingPaths } from '@shared/handling/paths';
import type { Assignment } from '@shared/handling/responses';
import { pathTo } from '@shared/http/paths';
import { api } from '../../app/api';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';
import { useOrgOptions } from '../org/useOrgOptions';

/** The actions on one assignment that need input; `sign` and the like are plain confirmations. */
export type AssignmentAction = 'object' | 'decideObjection' | 'requestExtension' | 'decideExtension' | 'sendOpinion';

const titles: Record<AssignmentAction, string> = {
  object: '对交办提出异议',
  decideObjection: '处理异议',
  requestExtension: '申请延期',
  decideExtension: '审批延期',
  sendOpinion: '提交协办意见',
};

const send: Record<AssignmentAction, (a: Assignment, v: Record<string, any>) => Promise<unknown>> = {
  object: (a, v) => api.post(pathTo(handlingPaths.object, { id: a.id }), { version: a.version, reason: v.reason }),
  decideObjection: (a, v) => api.post(pathTo(handlingPaths.objectionDecision, { id: a.id }), { version: a.version, accept: v.accept, replacementUnitId: v.accept ? v.replacementUnitId : null, note: v.note }),
  requestExtension: (a, v) => api.post(pathTo(handlingPaths.extension, { id: a.id }), { version: a.version, days: v.days, reason: v.reason }),
  decideExtension: (a, v) => api.post(pathTo(handlingPaths.extensionDecision, { id: a.id }), { version: a.version, approve: v.approve }),
  sendOpinion: (a, v) => api.post(pathTo(handlingPaths.opinion, { id: a.id }), { version: a.version, text: v.text }),
};

const objection = fieldRules(objectBody);
const decision = fieldRules(objectionDecisionBody);
const extension = fieldRules(extensionBody);
const approval = fieldRules(extensionDecisionBody);
const opinion = fieldRules(opinionBody);

function Fields({ action, assignment }: { action: AssignmentAction; assignment: Assignment }) {
  const { options } = useOrgOptions(['units']);
  const accept = Form.useWatch('accept');
  switch (action) {
    case 'object':
      return (
        <Form.Item name="reason" label="异议理由" rules={objection.reason} extra={`异议期限至 ${assignment.objectionDeadline}`}>
          <Input.TextArea rows={4} />
        </Form.Item>
      );
    case 'decideObjection':
      return (
        <>
          <p>异议理由：{assignment.objectionReason}</p>
          <Form.Item name="accept" label="处理结果" rules={decision.accept}>
            <Radio.Group options={[{ value: true, label: '同意异议，改交其他单位' }, { value: false, label: '不同意，维持交办' }]} />
          </Form.Item>
          {accept === true && (
            <Form.Item name="replacementUnitId" label="改交单位" rules={[{ required: true, message: '请选择改交单位' }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={options.units.filter((u) => u.value !== assignment.unitId)} />
            </Form.Item>
          )}
          <Form.Item name="note" label="处理意见" rules={decision.note}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case 'requestExtension':
      return (
        <>
          <Form.Item name="days" label="延期（工作日）" rules={extension.days}>
            <InputNumber min={1} max={130} precision={0} />
          </Form.Item>
          <Form.Item name="reason" label="延期理由" rules={extension.reason}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      );
    case 'decideExtension':
      return (
        <>
          <p>
            申请延期 {assignment.extensionDays} 个工作日：{assignment.extensionReason}
          </p>
          <Form.Item name="approve" label="审批" rules={approval.approve}>
            <Radio.Group options={[{ value: true, label: '批准' }, { value: false, label: '不批准' }]} />
          </Form.Item>
        </>
      );
    case 'sendOpinion':
      return (
        <Form.Item name="text" label="协办意见" rules={opinion.text}>
          <Input.TextArea rows={6} />
        </Form.Item>
      );
  }
}

/** One dialog for every assignment action that needs input; the server re-checks who may do it. */
export function AssignmentDialog({ action, assignment, onClose, onSaved }: { action: AssignmentAction | null; assignment: Assignment | null; onClose(): void; onSaved(): void }) {
  return (
    <FormModal
      name={`assignment_${action ?? 'none'}`}
      open={!!action && !!assignment}
      title={action ? titles[action] : ''}
      save={(v) => send[action!](assignment!, v)}
      onSaved={onSaved}
      onClose={onClose}
      onConflict={onSaved}
      success="已提交"
    >
      {action && assignment && <Fields action={action} assignment={assignment} />}
    </FormModal>
  );
}
