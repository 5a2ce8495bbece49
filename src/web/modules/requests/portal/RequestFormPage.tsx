import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Button, Form, Input, Select, Typography, Upload, type UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { requestSubmission } from '@shared/requests/inputs';
import { photoAllowedText } from '@shared/requests/labels';
import { requestPaths } from '@shared/requests/paths';
import type { PortalRequestOptions, Receipt } from '@shared/requests/responses';
import { api } from '../../../app/api';
import { submitForm } from '../../../app/errors';
import { feedback } from '../../../app/feedback';
import { useGet } from '../../../app/query';
import { fieldRules } from '../../../app/rules';
import { PageCard } from '../../../app/ui/PageCard';
import { useDocumentTitle } from '../../../app/ui/PageTitle';
import { ChallengeField } from '../../portal/Challenge';
import { usePortalCommittee } from '../../portal/useCommittee';
import { readPrefill } from './prefill';
import { PortalOutcome } from '../../portal/PortalOutcome';

const rules = fieldRules(requestSubmission);
const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)}MB` : `${Math.round(bytes / 1024)}KB`);

/**
 * 反映民生诉求: a form anyone fills on a phone, no sign-in. The answer is a receipt code to follow
 * it with; the photos' count and size follow the committee's settings (the server checks them too).
 */
export default function RequestFormPage() {
  useDocumentTitle('反映民生诉求', '政协公开门户');
  const { id: committeeId, committee } = usePortalCommittee();
  const { data: options } = useGet<PortalRequestOptions>(requestPaths.portalOptions, { committeeId }, { enabled: !!committeeId });
  const [form] = Form.useForm();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  // text carried over from a proposal draft (the drafting help's 其他渠道 advice): filled once, then
  // dropped from the address so a reload or a shared link does not carry it on
  useEffect(() => {
    const body = readPrefill(window.location.hash);
    if (!body) return;
    form.setFieldValue('body', body);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, [form]);

  const send = async (values: Record<string, string>) => {
    const data = new FormData();
    data.append('committeeId', committeeId ?? '');
    for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null) data.append(k, String(v));
    for (const p of photos) if (p.originFileObj) data.append('photos', p.originFileObj, p.name);
    setBusy(true);
    const answer = await submitForm(form, () => api.post<Receipt>(requestPaths.submit, data));
    setBusy(false);
    setRound((r) => r + 1);
    if (answer) setReceipt(answer);
  };

  if (receipt)
    return (
      <PortalOutcome
        kind="done"
        title="诉求已提交"
        subTitle={receipt.message}
        extra={
          <>
            <Typography.Paragraph>
              您的回执码：
              <Typography.Text strong copyable style={{ fontSize: 24, letterSpacing: 2 }} data-testid="receipt-code">
                {receipt.code}
              </Typography.Text>
            </Typography.Paragraph>
            <Link to={`/portal/requests/follow?code=${receipt.code}`}>查询办理进展</Link>
          </>
        }
      />
    );

  const max = options?.maxPhotos ?? 0;
  return (
    <PageCard title="反映民生诉求">
      <Typography.Paragraph>
        身边的烦心事、难心事，可以告诉{committee?.shortName ?? '政协'}。工作人员会转给委员工作室或委员跟进，您可凭回执码随时查询进展和结果。您的姓名和电话只有工作人员能看到，不会公开。
      </Typography.Paragraph>
      <Form form={form} name="request" layout="vertical" autoComplete="off" onFinish={send}>
        <Form.Item name="category" label="类别" rules={rules.category}>
          <Select placeholder="请选择" options={(options?.categories ?? []).map((c) => ({ value: c, label: c }))} data-testid="request-category" />
        </Form.Item>
        <Form.Item name="place" label="地点" rules={rules.place}>
          <Input placeholder="如：坂田街道 万科城三期东门" data-testid="request-place" />
        </Form.Item>
        <Form.Item name="body" label="诉求内容" rules={rules.body}>
          <Input.TextArea autoSize={{ minRows: 5 }} placeholder="什么问题、持续多久、希望怎样解决" showCount maxLength={2000} data-testid="request-body" />
        </Form.Item>
        {max > 0 && (
          <Form.Item label="照片" extra={`选填，最多${max}张，每张不超过${sizeText(options!.photoMaxBytes)}，${photoAllowedText.replace('照片只能是 ', '')}`}>
            <Upload
              listType="picture-card"
              accept="image/jpeg,image/png"
              fileList={photos}
              maxCount={max}
              beforeUpload={(file) => {
                if (file.size > options!.photoMaxBytes) {
                  feedback.message.error(`照片“${file.name}”超过${sizeText(options!.photoMaxBytes)}，请压缩后再上传`);
                  return Upload.LIST_IGNORE;
                }
                return false;
              }}
              onChange={({ fileList }) => setPhotos(fileList.slice(0, max))}
            >
              {photos.length < max && (
                <button type="button" style={{ border: 0, background: 'none' }} aria-label="添加照片">
                  <PlusOutlined />
                  <div>添加照片</div>
                </button>
              )}
            </Upload>
          </Form.Item>
        )}
        <Form.Item name="senderName" label="姓名（选填）" rules={rules.senderName}>
          <Input autoComplete="name" data-testid="request-name" />
        </Form.Item>
        <Form.Item name="senderPhone" label="联系电话" rules={rules.senderPhone} extra="仅供工作人员联系您核实情况">
          <Input inputMode="tel" autoComplete="tel" data-testid="request-phone" />
        </Form.Item>
        <ChallengeField committeeId={committeeId} round={round} />
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="request-submit">
          提交诉求
        </Button>
      </Form>
    </PageCard>
  );
}

