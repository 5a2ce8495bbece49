import { useEffect, useState } from 'react';
import { Button, Drawer, Form, Grid, Space } from 'antd';
import { pathTo } from '@shared/http/paths';
import { memberPaths } from '@shared/members/paths';
import type { Member } from '@shared/members/responses';
import { api } from '../../../app/api';
import { submitForm } from '../../../app/errors';
import { toBody, toForm } from '../../../app/forms';
import { MemberFields, type MemberOptions } from './MemberFields';

interface Props {
  /** The member being edited, 'new' to add one, null when closed. */
  member: Member | 'new' | null;
  options: MemberOptions;
  onClose(): void;
  onSaved(m: Member): void;
}

const blank = (termId: string | undefined) => ({ termId, gender: '男', ethnicity: '汉族', position: 'member', status: 'active', specialCommitteeIds: [] });

/** Add or edit a member. A version conflict reloads the member from the server. */
export function MemberDrawer({ member, options, onClose, onSaved }: Props) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [record, setRecord] = useState<Member | null>(null);
  const narrow = !Grid.useBreakpoint().md;
  const currentTerm = options.terms.find((t) => t.current)?.id;

  useEffect(() => {
    if (member === null) return;
    const m = member === 'new' ? null : member;
    setRecord(m);
    form.resetFields();
    form.setFieldsValue(m ? toForm(m, ['birthDate']) : blank(currentTerm));
  }, [member, form, currentTerm]);

  const reloadRecord = async () => {
    if (!record) return;
    const fresh = await api.get<Member>(pathTo(memberPaths.detail, { id: record.id })).catch(() => null);
    if (!fresh) return;
    setRecord(fresh);
    form.setFieldsValue(toForm(fresh, ['birthDate']));
  };

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    const body = toBody(values);
    const saved = await submitForm(form, () => (record ? api.patch<Member>(pathTo(memberPaths.detail, { id: record.id }), { ...body, version: record.version }) : api.post<Member>(memberPaths.list, body)), {
      success: '已保存',
      onConflict: reloadRecord,
    });
    setBusy(false);
    if (saved) onSaved(saved);
  };

  return (
    <Drawer
      title={record ? `编辑委员：${record.name}` : '新增委员'}
      open={member !== null}
      onClose={onClose}
      size={narrow ? '100%' : 720}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={save} data-testid="member-save">
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" autoComplete="off">
        <MemberFields options={options} />
      </Form>
    </Drawer>
  );
}
