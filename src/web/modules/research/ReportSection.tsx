import { useEffect, useRef } from 'react';
import { Alert, Button, Flex, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { pathTo } from '@shared/http/paths';
import { researchPaths } from '@shared/research/paths';
import type { TopicDetail } from '@shared/research/responses';
import { api } from '../../app/api';
import { downloadFile, run, submitForm } from '../../app/errors';
import { can } from '../../app/forms';
import { AttachmentLinks } from '../../app/ui/AttachmentLinks';
import { askNote } from '../consultation/actions';

const parts = [
  ['background', '一、基本情况'],
  ['problems', '二、存在问题'],
  ['suggestions', '三、对策建议'],
] as const;

/**
 * 调研报告: the group writes it here (with files) while it is drafted; the special committee's and the
 * office's reviews pass it or return it with a reason; once final it downloads as .docx or PDF.
 */
export function ReportSection({ t }: { t: TopicDetail }) {
  const [form] = Form.useForm();
  const input = useRef<HTMLInputElement>(null);
  const editable = can(t, 'update');
  const id = t.id;
  useEffect(() => {
    form.setFieldsValue({ reportTitle: t.report.title || `关于${t.title}的调研报告`, background: t.report.background, problems: t.report.problems, suggestions: t.report.suggestions });
  }, [t.version, form]);
  const save = async (): Promise<TopicDetail | undefined> => {
    const values = await form.validateFields().catch(() => null);
    return values ? submitForm(form, () => api.patch<TopicDetail>(pathTo(researchPaths.report, { id }), { version: t.version, ...values }), { success: '报告已保存' }) : undefined;
  };
  /** the text on screen is saved first, then submitted at the version that save left */
  const submit = async () => {
    const saved = await save();
    if (saved) await run(() => api.post(pathTo(researchPaths.reportAction, { id, action: 'submit' }), { version: saved.version }), { success: '已提交审核' });
  };
  const document = (format: 'docx' | 'pdf') => downloadFile(`${pathTo(researchPaths.document, { id })}?format=${format}`, `${t.report.title || t.title}.${format}`);
  return (
    <>
      {t.report.returnNote && t.status === 'drafting' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`退回修改：${t.report.returnNote}`} data-testid="report-returned" />}
      {editable ? (
        <Form form={form} name="researchReport" layout="vertical" autoComplete="off">
          <Form.Item name="reportTitle" label="报告标题" rules={[{ required: true, min: 4, max: 100 }]}><Input /></Form.Item>
          {parts.map(([name, label]) => (
            <Form.Item key={name} name={name} label={label} rules={[{ max: 20000 }]}><Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} /></Form.Item>
          ))}
          <Button type="primary" onClick={() => void save()} data-testid="report-save">保存报告</Button>
        </Form>
      ) : (
        <div data-testid="report-text">
          <Typography.Title level={3} style={{ fontSize: 16 }}>{t.report.title || '（尚未撰写）'}</Typography.Title>
          {parts.map(([name, label]) => t.report[name] && (
            <div key={name}>
              <Typography.Text strong>{label}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{t.report[name]}</Typography.Paragraph>
            </div>
          ))}
        </div>
      )}
      <div style={{ marginTop: 12 }}>
        <AttachmentLinks href={(attachmentId) => pathTo(researchPaths.attachment, { id, attachmentId })} files={t.report.attachments} testId="report-attachments" />
        {editable && (
          <Space wrap>
            <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} data-testid="report-upload">上传附件</Button>
            {t.report.attachments.map((a) => (
              <Popconfirm key={a.id} title={`删除附件 ${a.filename}？`} onConfirm={() => void run(() => api.post(pathTo(researchPaths.removeAttachment, { id, attachmentId: a.id })), { success: '已删除' })}>
                <Button size="small" danger>删除 {a.filename}</Button>
              </Popconfirm>
            ))}
            <input
              ref={input}
              type="file"
              hidden
              aria-label="选择附件"
              accept=".doc,.docx,.xls,.xlsx,.ppt,.pptx,.pdf,.wps,.txt,.jpg,.jpeg,.png,.zip"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void run(() => api.upload(pathTo(researchPaths.attachments, { id }), file), { success: '已上传' });
              }}
            />
          </Space>
        )}
      </div>
      <Flex wrap gap={8} style={{ marginTop: 12 }}>
        {/* whoever may write it may submit it: the text on screen is saved first, the server says what is missing */}
        {(can(t, 'submit') || editable) && <Button type="primary" onClick={() => void submit()} data-testid="report-submit">提交审核</Button>}
        {can(t, 'passCommittee') && <Button type="primary" onClick={() => void askNote('专委会审核通过', false, (note) => api.post(pathTo(researchPaths.reportAction, { id, action: 'passCommittee' }), { version: t.version, note }))} data-testid="report-passCommittee">专委会审核通过</Button>}
        {can(t, 'passOffice') && <Button type="primary" onClick={() => void askNote('办公室审核通过（定稿）', false, (note) => api.post(pathTo(researchPaths.reportAction, { id, action: 'passOffice' }), { version: t.version, note }))} data-testid="report-passOffice">办公室审核通过（定稿）</Button>}
        {can(t, 'return') && <Button danger onClick={() => void askNote('退回修改', true, (note) => api.post(pathTo(researchPaths.reportAction, { id, action: 'return' }), { version: t.version, note }))} data-testid="report-return">退回修改</Button>}
        {t.status === 'final' && (
          <>
            <Button icon={<DownloadOutlined />} onClick={() => void document('docx')} data-testid="report-docx">下载 Word</Button>
            <Button icon={<DownloadOutlined />} onClick={() => void document('pdf')} data-testid="report-pdf">下载 PDF</Button>
          </>
        )}
      </Flex>
    </>
  );
}
