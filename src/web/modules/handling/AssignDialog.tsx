import { Alert, Button, Flex, Form, Radio, Select, Tag, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { proposalPaths } from '@shared/proposals/paths';
import type { UnitSuggestion } from '@shared/proposals/responses';
import { api } from '../../app/api';
import { useGet } from '../../app/query';
import { FormModal } from '../../app/ui/FormModal';
import { useOrgOptions } from '../org/useOrgOptions';
import { handledPaths, type SubjectType } from './subjects';

type Plan = 'sole' | 'leadAssisting' | 'leadJoint' | 'split';
const plans: { value: Plan; label: string }[] = [
  { value: 'sole', label: '单办' },
  { value: 'leadAssisting', label: '主办 + 协办' },
  { value: 'leadJoint', label: '主办 + 会办' },
  { value: 'split', label: '分办' },
];
interface Values {
  plan: Plan;
  lead?: string;
  others?: string[];
}

/** The form's plan → the server's list of { unitId, role } (checked again by platform/handling/plan.ts). */
function assignmentsOf(v: Values) {
  if (v.plan === 'sole') return [{ unitId: v.lead!, role: 'sole' }];
  if (v.plan === 'split') return (v.others ?? []).map((unitId) => ({ unitId, role: 'split' }));
  const role = v.plan === 'leadAssisting' ? 'assisting' : 'joint';
  return [{ unitId: v.lead!, role: 'lead' }, ...(v.others ?? []).filter((id) => id !== v.lead).map((unitId) => ({ unitId, role }))];
}

/**
 * The three units that handled the most similar earlier proposals, each with its reason, as
 * one-click choices: the first click fills the lead (or only) unit, further clicks add assisting,
 * joint or split units.
 */
function Suggestions({ proposalId }: { proposalId: string }) {
  const form = Form.useFormInstance<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const { data } = useGet<{ suggestions: UnitSuggestion[] }>(pathTo(proposalPaths.unitSuggestions, { id: proposalId }));
  if (!data?.suggestions.length) return null;
  const plan = values?.plan ?? 'sole';
  const chosen = (id: string) => values?.lead === id || !!values?.others?.includes(id);
  const pick = (id: string) => {
    if (chosen(id)) return;
    if (plan === 'sole' || (plan !== 'split' && !values?.lead)) form.setFieldValue('lead', id);
    else form.setFieldValue('others', [...(values?.others ?? []), id]);
  };
  return (
    <Alert
      type="info"
      style={{ marginBottom: 12 }}
      title="建议承办单位（依据相似提案以往的交办，点击选用）"
      description={
        <Flex vertical gap={6} data-testid="unit-suggestions">
          {data.suggestions.map((s) => (
            <div key={s.unitId}>
              <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => pick(s.unitId)} data-testid="unit-suggestion">
                {s.unitName}
              </Button>
              {chosen(s.unitId) && <Tag color="green" style={{ marginLeft: 8 }}>已选</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {s.reason}
              </Typography.Text>
            </div>
          ))}
        </Flex>
      }
    />
  );
}

function PlanFields() {
  const plan = Form.useWatch('plan') as Plan | undefined;
  const { options } = useOrgOptions(['units']);
  return (
    <>
      <Form.Item name="plan" label="交办方式" rules={[{ required: true }]}>
        <Radio.Group options={plans} />
      </Form.Item>
      {plan !== 'split' && (
        <Form.Item name="lead" label={plan === 'sole' ? '承办单位' : '主办单位'} rules={[{ required: true, message: '请选择承办单位' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={options.units} />
        </Form.Item>
      )}
      {plan !== 'sole' && (
        <Form.Item
          name="others"
          label={plan === 'split' ? '分办单位' : plan === 'leadJoint' ? '会办单位' : '协办单位'}
          rules={[{ required: true, message: '请选择单位' }, ...(plan === 'split' ? [{ type: 'array' as const, min: 2, message: '分办须选择两个及以上单位' }] : [])]}
        >
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={options.units} />
        </Form.Item>
      )}
    </>
  );
}

/**
 * 交办: staff choose the units (sole / lead with assisting or joint units / split). For proposals the
 * dialog offers the units similar proposals went to before.
 */
export function AssignDialog({ open, subjectType, subject, onClose, onSaved }: { open: boolean; subjectType: SubjectType; subject: { id: string; version: number }; onClose(): void; onSaved(): void }) {
  return (
    <FormModal
      name="assign"
      open={open}
      width={640}
      title={handledPaths[subjectType].assignLabel}
      initialValues={{ plan: 'sole' }}
      save={(v) => api.post(pathTo(handledPaths[subjectType].assign, { id: subject.id }), { version: subject.version, assignments: assignmentsOf(v as Values) })}
      onSaved={onSaved}
      onClose={onClose}
      onConflict={onSaved}
      success="已交办"
    >
      {open && subjectType === 'proposal' && <Suggestions proposalId={subject.id} />}
      <PlanFields />
    </FormModal>
  );
}
