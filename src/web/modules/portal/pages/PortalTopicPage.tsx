import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Form, Input, Typography } from 'antd';
import { portalPaths } from '@shared/portal/paths';
import { portalTopicSubmission } from '@shared/requests/inputs';
import { api } from '../../../app/api';
import { submitForm } from '../../../app/errors';
import { fieldRules } from '../../../app/rules';
import { PageCard } from '../../../app/ui/PageCard';
import { useDocumentTitle } from '../../../app/ui/PageTitle';
import { ChallengeField } from '../Challenge';
import { usePortalCommittee } from '../useCommittee';
import { PortalOutcome } from '../PortalOutcome';

const rules = fieldRules(portalTopicSubmission);

/**
 * 群众出题: anyone suggests a topic for the committee's consultation plan. It waits for the office's
 * moderation and is shown nowhere before; the name and phone are only for the office to reply.
 */
export default function PortalTopicPage() {
  useDocumentTitle('群众出题', '政协公开门户');
  const { id: committeeId, committee } = usePortalCommittee();
  const [form] = Form.useForm();
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const send = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    const answer = await submitForm(form, () => api.post<{ message: string }>(portalPaths.topics, { ...values, committeeId }));
    setBusy(false);
    setRound((r) => r + 1);
    if (answer) setSent(answer.message);
  };
  if (sent) return <PortalOutcome kind="done" title="建议已提交" subTitle={sent} extra={<Link to="/portal">返回门户首页</Link>} data-testid="topic-sent" />;
  return (
    <PageCard title="群众出题">
      <Typography.Paragraph>
        您关心的事，可以建议{committee?.shortName ?? '政协'}列入年度协商计划，请委员、部门和群众代表一起商量。建议经政协办公室审核后纳入选题征集；您的姓名和电话仅供工作人员联系您，不会公开。
      </Typography.Paragraph>
      <Form form={form} name="portalTopic" layout="vertical" autoComplete="off" onFinish={send}>
        <Form.Item name="title" label="议题名称" rules={rules.title}>
          <Input placeholder="关于……的协商" data-testid="portal-topic-title" />
        </Form.Item>
        <Form.Item name="reason" label="选题理由" rules={rules.reason}>
          <Input.TextArea autoSize={{ minRows: 4 }} placeholder="现状和问题，为什么需要协商" data-testid="portal-topic-reason" />
        </Form.Item>
        <Form.Item name="contactName" label="联系人" rules={rules.contactName}>
          <Input autoComplete="name" data-testid="portal-topic-name" />
        </Form.Item>
        <Form.Item name="contactPhone" label="联系电话" rules={rules.contactPhone}>
          <Input inputMode="tel" autoComplete="tel" data-testid="portal-topic-phone" />
        </Form.Item>
        <ChallengeField committeeId={committeeId} round={round} />
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="portal-topic-submit">
          提交建议
        </Button>
      </Form>
    </PageCard>
  );
}
