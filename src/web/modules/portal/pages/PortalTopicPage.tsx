import { useState } from 'react';
import { Link } from 'react-router';
import { Typography } from 'antd';
import { portalPaths } from '@shared/portal/paths';
import type { PublicFormReceived } from '@shared/http/responses';
import { api } from '../../../app/api';
import { PageCard } from '../../../app/ui/PageCard';
import { useDocumentTitle } from '../../../app/ui/PageTitle';
import { usePortalCommittee } from '../useCommittee';
import { PortalOutcome } from '../PortalOutcome';
import { PlainChallenge, PlainField, PlainSubmit, described } from '../plain';
import { usePublicForm } from '../usePublicForm';

/**
 * 群众出题: anyone suggests a topic for the committee's consultation plan. It waits for the office's
 * moderation and is shown nowhere before; the name and phone are only for the office to reply.
 * Plain controls, no zod on the page: a visitor's first page stays within the public script budget
 * (the server checks every field and its errors land on them).
 */
export default function PortalTopicPage() {
  useDocumentTitle('群众出题', '政协公开门户');
  const { id: committeeId, committee } = usePortalCommittee();
  const [sent, setSent] = useState<string | null>(null);
  const { challenge, next, errors, busy, onSubmit } = usePublicForm(committeeId, (v) => api.post<PublicFormReceived>(portalPaths.topics, { ...v, committeeId }), (a) => setSent(a.message));
  if (sent) return <PortalOutcome kind="done" title="建议已提交" subTitle={sent} extra={<Link to="/portal">返回门户首页</Link>} data-testid="topic-sent" />;
  return (
    <PageCard title="群众出题">
      <Typography.Paragraph>
        您关心的事，可以建议{committee?.shortName ?? '政协'}列入年度协商计划，请委员、部门和群众代表一起商量。建议经政协办公室审核后纳入选题征集；您的姓名和电话仅供工作人员联系您，不会公开。
      </Typography.Paragraph>
      <form onSubmit={onSubmit} aria-label="群众出题" autoComplete="off">
        <PlainField id="title" label="议题名称" required hint="4—60字" error={errors.title}>
          <input {...described('title', true, errors.title)} required minLength={4} maxLength={60} placeholder="关于……的协商" data-testid="portal-topic-title" />
        </PlainField>
        <PlainField id="reason" label="选题理由" required hint="10—1000字：现状和问题，为什么需要协商" error={errors.reason}>
          <textarea {...described('reason', true, errors.reason)} required minLength={10} maxLength={1000} rows={4} data-testid="portal-topic-reason" />
        </PlainField>
        <PlainField id="contactName" label="联系人" required error={errors.contactName}>
          <input {...described('contactName', false, errors.contactName)} required maxLength={20} autoComplete="name" data-testid="portal-topic-name" />
        </PlainField>
        <PlainField id="contactPhone" label="联系电话" required hint="11位手机号或带区号的固定电话" error={errors.contactPhone}>
          <input {...described('contactPhone', true, errors.contactPhone)} required inputMode="tel" autoComplete="tel" data-testid="portal-topic-phone" />
        </PlainField>
        <PlainChallenge challenge={challenge} next={() => void next()} error={errors.challengeAnswer} />
        <PlainSubmit error={errors.form} busy={busy} data-testid="portal-topic-submit">提交建议</PlainSubmit>
      </form>
    </PageCard>
  );
}
