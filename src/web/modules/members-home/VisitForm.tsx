import { Button, Form, Input, Radio, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { visitInput } from '@shared/members-home/inputs';
import type { HomeDutyDetail, HomeOptions } from '@shared/members-home/responses';
import { pathTo } from '@shared/http/paths';
import { homePaths } from '@shared/members-home/paths';
import { api } from '../../app/api';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';

const rules = fieldRules(visitInput);

/** The visitor: a member picked from the roster, or a named person who is not one (with who they are). */
function VisitorFields({ options, dutyMemberId }: { options: HomeOptions | undefined; dutyMemberId: string }) {
  const kind = Form.useWatch('kind') as 'member' | 'other' | undefined;
  return (
    <>
      <Form.Item name="kind" label="来访人">
        <Radio.Group options={[{ value: 'member', label: '本会委员' }, { value: 'other', label: '非委员' }]} data-testid="visit-kind" />
      </Form.Item>
      {kind !== 'other' ? (
        <Form.Item name="visitorMemberId" label="来访委员" rules={[{ required: true, message: '请选择来访委员' }]}>
          <Select showSearch optionFilterProp="label" options={(options?.members ?? []).filter((m) => m.id !== dutyMemberId).map((m) => ({ value: m.id, label: m.name }))} data-testid="visit-member" />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="visitorName" label="来访人姓名" rules={[{ required: true, message: '请填写来访人姓名' }, ...rules.visitorName]}>
            <Input data-testid="visit-name" />
          </Form.Item>
          <Form.Item name="visitorNote" label="来访人身份" rules={rules.visitorNote} extra="如：布吉街道居民、某企业负责人">
            <Input data-testid="visit-note" />
          </Form.Item>
        </>
      )}
    </>
  );
}

/** 登记接待: one visit with the suggestions it brought (each may later become a proposal or an opinion report). */
export function VisitForm({ duty, options, open, onClose, onSaved }: { duty: HomeDutyDetail; options: HomeOptions | undefined; open: boolean; onClose(): void; onSaved(d: HomeDutyDetail): void }) {
  return (
    <FormModal<HomeDutyDetail>
      name="visit"
      open={open}
      title="登记接待"
      initialValues={{ kind: 'member', suggestions: [] }}
      save={({ kind, visitorMemberId, visitorName, visitorNote, suggestions, ...rest }) =>
        api.post(pathTo(homePaths.dutyVisits, { id: duty.id }), {
          ...rest,
          ...(kind === 'other' ? { visitorName, visitorNote: visitorNote || null } : { visitorMemberId }),
          suggestions: (suggestions as (string | undefined)[]).filter((s): s is string => !!s && s.trim() !== ''),
        })
      }
      onSaved={onSaved}
      onClose={onClose}
      success="已登记接待"
    >
      <VisitorFields options={options} dutyMemberId={duty.memberId} />
      <Form.Item name="topic" label="接待事由" rules={rules.topic}>
        <Input data-testid="visit-topic" />
      </Form.Item>
      <Form.Item name="said" label="交流内容" rules={rules.said}>
        <Input.TextArea autoSize={{ minRows: 3 }} data-testid="visit-said" />
      </Form.Item>
      <Form.List name="suggestions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Form.Item key={f.key} label={`工作建议${i + 1}`} required={false}>
                <div style={{ display: 'flex', gap: 8 }}>
                  <Form.Item name={f.name} noStyle rules={[{ min: 5, message: '工作建议至少5个字' }, { max: 500, message: '工作建议最多500个字' }]}>
                    <Input.TextArea autoSize={{ minRows: 2 }} aria-label={`工作建议${i + 1}`} data-testid="visit-suggestion" />
                  </Form.Item>
                  <Button type="text" aria-label={`删除工作建议${i + 1}`} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />
                </div>
              </Form.Item>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add('')} data-testid="visit-add-suggestion">添加工作建议</Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
