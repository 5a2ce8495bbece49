import { useEffect, useRef, useState } from 'react';
import { Button, Form, Input, Modal, Radio, Typography } from 'antd';
import { newsDraft } from '@shared/news/inputs';
import { newsKinds } from '@shared/news/labels';
import { newsPaths } from '@shared/news/paths';
import type { NewsPost } from '@shared/news/responses';
import { pathTo } from '@shared/http/paths';
import type { Attachment } from '@shared/http/responses';
import { api } from '../../app/api';
import { saveWithFiles } from '../../app/saveWithFiles';
import { submitForm } from '../../app/errors';
import { fieldRules } from '../../app/rules';
import { AttachmentPicker } from '../../app/ui/AttachmentPicker';

const rules = fieldRules(newsDraft);

/**
 * The simple editor: title, a summary for the portal's lists, the body in paragraphs (a blank line
 * starts a new one) and files. Saving keeps a draft; 保存并发布 puts it on the portal at once.
 */
export function NewsEditor({ open, post, onClose, onSaved }: { open: boolean; post: NewsPost | null; onClose(): void; onSaved(p: NewsPost): void }) {
  const [form] = Form.useForm();
  const [files, setFiles] = useState<File[]>([]);
  const [existing, setExisting] = useState<Attachment[]>([]);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  // the post as last saved here: a retry after a failed upload goes on with it instead of creating another
  const saved = useRef<NewsPost | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    saved.current = post;
    setFiles([]);
    setExisting((post?.attachments ?? []) as Attachment[]);
    form.setFieldsValue(post ? { kind: post.kind, title: post.title, summary: post.summary, body: post.body } : { kind: 'notice' });
  }, [open, post, form]);

  const save = async (publish: boolean) => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(publish ? 'publish' : 'save');
    const result = await submitForm(form, async () => {
      let p = await saveWithFiles({ saved, paths: { ...newsPaths, detail: newsPaths.post }, values, files, setFiles, setStored: setExisting });
      if (publish && p.actions.includes('publish')) p = await api.post<NewsPost>(pathTo(newsPaths.publish, { id: p.id }), { version: p.version });
      return p;
    }, { success: publish ? '已发布到门户' : '已保存' });
    setBusy(null);
    if (result) onSaved(result);
  };

  const removeExisting = async (a: Attachment) => {
    const p = await api.post<NewsPost>(pathTo(newsPaths.removeAttachment, { id: saved.current!.id, attachmentId: a.id }));
    saved.current = p;
    setExisting(p.attachments as Attachment[]);
  };

  return (
    <Modal
      title={post ? '修改新闻公告' : '撰写新闻公告'}
      open={open}
      onCancel={onClose}
      width={860}
      forceRender
      footer={[
        <Button key="c" onClick={onClose}>取消</Button>,
        <Button key="s" loading={busy === 'save'} onClick={() => save(false)} data-testid="news-save">保存</Button>,
        <Button key="p" type="primary" loading={busy === 'publish'} onClick={() => save(true)} data-testid="news-publish-now">{post?.status === 'published' ? '保存（门户即时更新）' : '保存并发布'}</Button>,
      ]}
    >
      <Form form={form} name="news" layout="vertical" autoComplete="off">
        <Form.Item name="kind" label="栏目" rules={rules.kind}>
          <Radio.Group optionType="button" options={Object.entries(newsKinds).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={rules.title}>
          <Input maxLength={80} showCount />
        </Form.Item>
        <Form.Item name="summary" label="摘要" rules={rules.summary} extra="显示在门户的列表里，可不填">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label="正文" rules={rules.body} extra="空一行即另起一段；只保存文字，不保存格式">
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} maxLength={20000} />
        </Form.Item>
        <Typography.Text strong>附件</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <AttachmentPicker existing={existing} pending={files} onPending={setFiles} onRemoveExisting={removeExisting} perRecord="每篇新闻公告" testId="news-attach" />
        </div>
      </Form>
    </Modal>
  );
}
