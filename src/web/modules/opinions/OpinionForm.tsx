import { useEffect, useRef, useState } from 'react';
import { Button, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import type { Attachment } from '@shared/http/responses';
import { pathTo } from '@shared/http/paths';
import { opinionDraft } from '@shared/opinions/inputs';
import { authorChoices } from '@shared/opinions/labels';
import { contactPointPaths, type ContactPointList } from '@shared/opinions/contact-points';
import { opinionPaths } from '@shared/opinions/paths';
import type { OpinionDetail, OpinionOptions } from '@shared/opinions/responses';
import { api } from '../../app/api';
import { saveWithFiles } from '../../app/saveWithFiles';
import { fieldRules } from '../../app/rules';
import { useMe } from '../../app/auth';
import { submitForm } from '../../app/errors';
import { useGet } from '../../app/query';
import { AttachmentPicker } from '../../app/ui/AttachmentPicker';
import { SimilarPanel } from './SimilarPanel';

const rules = fieldRules(opinionDraft);

interface Props {
  open: boolean;
  options: OpinionOptions | undefined;
  /** a draft to go on with, or null for a new report */
  draft: OpinionDetail | null;
  onClose(): void;
  onSaved(o: OpinionDetail): void;
}

type AuthorType = keyof typeof authorChoices;

/**
 * 撰写社情民意: one issue per report, with a live character count against the committee's limit
 * (the server checks the same limit), attachments, and earlier reports on the same problem beside
 * the text. Staff enter reports of parties, special committees and lower committees in their name.
 * Save as a draft, or save and submit in one go.
 */
export function OpinionForm({ open, options, draft, onClose, onSaved }: Props) {
  const me = useMe();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [existing, setExisting] = useState<Attachment[]>([]);
  // the draft as last saved here: a retry after a failed upload goes on with it instead of creating another
  const saved = useRef<OpinionDetail | null>(null);
  const body = Form.useWatch('body', form) as string | undefined;
  const authorType = Form.useWatch('authorType', form) as AuthorType | undefined;
  const max = options?.maxLength ?? 1500;
  const length = [...(body ?? '')].length;
  const { data: points } = useGet<ContactPointList>(contactPointPaths.list, undefined, { enabled: open, quiet: true });
  // the points in use, and the one a saved draft names even if it was closed since
  const pointOptions = (points?.items ?? []).filter((p) => p.active || p.id === draft?.contactPointId).map((p) => ({ value: p.id, label: p.name }));
  const entersForBodies = me.roles.includes('staff') || me.roles.includes('admin');
  const authorTypes = (Object.keys(authorChoices) as AuthorType[]).filter((t) => (t === 'member' ? !!me.memberId : entersForBodies));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    saved.current = draft;
    setFiles([]);
    setExisting(draft?.attachments ?? []);
    if (draft) form.setFieldsValue({ title: draft.title, body: draft.body, category: draft.category, authorType: draft.authorType, authorBody: draft.authorBody, contactPointId: draft.contactPointId });
    else form.setFieldsValue({ authorType: authorTypes[0] });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, draft, form]);

  const save = async (submit: boolean) => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(submit ? 'submit' : 'draft');
    const result = await submitForm(form, async () => {
      // a cleared choice is sent as null, so the draft no longer names the point
      let o = await saveWithFiles({ saved, paths: opinionPaths, values: { ...values, contactPointId: values.contactPointId ?? null }, files, setFiles, setStored: setExisting });
      if (submit) o = await api.post<OpinionDetail>(pathTo(opinionPaths.action, { id: o.id, action: 'submit' }), { version: o.version });
      return o;
    }, { success: submit ? '已报送信息科' : '草稿已保存' });
    setBusy(null);
    if (result) onSaved(result);
  };

  const removeExisting = async (a: Attachment) => {
    const o = await api.post<OpinionDetail>(pathTo(opinionPaths.removeAttachment, { id: saved.current!.id, attachmentId: a.id }));
    saved.current = o;
    setExisting(o.attachments);
  };

  return (
    <Modal
      title={draft ? '修改社情民意' : '撰写社情民意'}
      open={open}
      onCancel={onClose}
      width={1120}
      forceRender
      footer={[
        <Button key="c" onClick={onClose}>取消</Button>,
        <Button key="d" loading={busy === 'draft'} onClick={() => save(false)} data-testid="opinion-save-draft">保存草稿</Button>,
        <Button key="s" type="primary" loading={busy === 'submit'} onClick={() => save(true)} data-testid="opinion-submit">报送</Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">一事一报，反映问题要具体、真实，提出的建议要有针对性和可操作性。正文不超过 {max} 字。</Typography.Paragraph>
      <Form form={form} layout="vertical" autoComplete="off">
        <Row gutter={16}>
          <Col xs={24} lg={15}>
            {authorTypes.length > 1 && (
              <Row gutter={12}>
                <Col span={10}>
                  <Form.Item name="authorType" label="报送方式" rules={rules.authorType}>
                    <Select options={authorTypes.map((t) => ({ value: t, label: authorChoices[t] }))} data-testid="opinion-author-type" />
                  </Form.Item>
                </Col>
                {authorType && authorType !== 'member' && (
                  <Col span={14}>
                    <Form.Item name="authorBody" label="报送单位" rules={[...rules.authorBody, { required: true, message: '请填写报送单位' }]}>
                      <Input placeholder="如：民盟区委、社会事务委员会、某街道政协联络组" data-testid="opinion-author-body" />
                    </Form.Item>
                  </Col>
                )}
              </Row>
            )}
            {authorTypes.length === 1 && <Form.Item name="authorType" hidden><Input /></Form.Item>}
            <Form.Item name="title" label="标题" rules={rules.title}>
              <Input placeholder="关于……的建议" data-testid="opinion-title" />
            </Form.Item>
            <Form.Item name="category" label="类别" rules={rules.category}>
              <Select options={(options?.categories ?? []).map((c) => ({ value: c, label: c }))} data-testid="opinion-category" />
            </Form.Item>
            {pointOptions.length > 0 && (
              <Form.Item name="contactPointId" label="来自联系点（可选）" rules={rules.contactPointId} extra="经社情民意联系点收集的信息，请选择联系点">
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={pointOptions} data-testid="opinion-contact-point" />
              </Form.Item>
            )}
            <Form.Item
              name="body"
              label="正文"
              rules={[...rules.body, { validator: async (_, v: string | undefined) => { if ([...(v ?? '')].length > max) throw new Error(`不能超过${max}个字`); } }]}
              extra={<span data-testid="opinion-count" style={{ color: length > max ? '#cf1322' : undefined }}>已写 {length} / {max} 字{length > max ? `，超出 ${length - max} 字` : ''}</span>}
            >
              <Input.TextArea rows={12} placeholder="基本情况、存在问题、意见建议" data-testid="opinion-body" />
            </Form.Item>
            <Form.Item label="附件" extra="照片、调查材料等，最多5个，每个不超过10MB（Word、Excel、WPS、PDF、文本、JPG/PNG）">
              <AttachmentPicker existing={existing} pending={files} onPending={setFiles} onRemoveExisting={removeExisting} perRecord="每篇信息" testId="opinion-attach" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={9}>
            <SimilarPanel excludeId={draft?.id} />
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
