import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Popconfirm, Result, Space, Tag, Timeline, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { labelOf } from '@shared/labels';
import { instructionLevels } from '@shared/handling/labels';
import { authorTypes, beforeHandlingStates, type ProposalState, conversionTargets, cosignStatuses, proposalKinds, reviewStepLabels } from '@shared/proposals/labels';
import { proposalPaths } from '@shared/proposals/paths';
import { api } from '../../../app/api';
import { useMe } from '../../../app/auth';
import { run } from '../../../app/errors';
import { formatDay, formatTime } from '../../../app/forms';
import HandlingPanel from '../../handling/HandlingPanel';
import { DocumentMenu } from '../documents/DocumentMenu';
import { ActionDialog, type DialogAction } from '../ActionDialog';
import { PublishDialog } from '../PublishDialog';
import { statusColor } from '../colors';
import { useProposal } from '../data';
import { AttachmentLinks } from '../../../app/ui/AttachmentLinks';
import { ResearchOrigin } from '../../research/ResearchOrigin';
import { PageHeading, usePageTitle } from '../../../app/ui/PageTitle';
import { ReviewAdvice } from '../drafting/ReviewAdvice';
import { KeyPanel } from '../key/KeyPanel';

/** Actions that need no input: a confirmation is enough. */
const confirmations: Record<string, { label: string; question: string }> = {
  submit: { label: '提交', question: '提交后将进入审查，不能再修改，确定提交？' },
  withdraw: { label: '撤回', question: '撤回后这件提案不再审查，确定撤回？' },
};
const dialogs: { action: DialogAction; label: string }[] = [
  { action: 'preReview', label: '预审通过' },
  { action: 'reReview', label: '复审通过' },
  { action: 'file', label: '立案' },
  { action: 'reject', label: '不予立案' },
  { action: 'convert', label: '转为意见建议' },
  { action: 'return', label: '退回修改' },
  { action: 'close', label: '办结' },
  { action: 'rate', label: '评价' },
  { action: 'instruct', label: '批示' },
];

function Section({ title, text }: { title: string; text: string }) {
  if (!text) return null;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16 }}>{title}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{text}</Typography.Paragraph>
    </>
  );
}

/**
 * 提案详情, for everyone the server shows a proposal to: the proposal, its people, review and
 * decision, handling (交办、答复、评价), instructions and history, with exactly the buttons the
 * server's `actions` allow this person. Every change sends the version it was based on.
 */
export default function ProposalDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<DialogAction | 'publish' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { data: p, isPending } = useProposal(id);
  usePageTitle(p?.numberText ?? p?.title);
  if (!p) return isPending ? null : <Result status="404" title="提案不存在或无权查看" extra={<Button onClick={() => navigate(-1)}>返回</Button>} />;
  // reviewers — whoever may take a review decision on it now — see the drafting checks and earlier decisions
  const reviewing = ['submitted', 'reviewing', 'deciding'].includes(p.status) && p.actions.some((a) => ['preReview', 'reReview', 'file', 'reject'].includes(a));

  // every write refetches what is on screen (app/query.tsx): closing the dialog is all that is left
  const changed = () => setDialog(null);
  // the popconfirm closes at once and the button shows the wait: antd's own async confirm button
  // could stay stuck in its loading state when the answer came back quickly (a 409), blocking the retry
  const act = async (action: string) => {
    setBusy(action);
    const done = await run(() => api.post(pathTo(proposalPaths.action, { id: p.id, action }), { version: p.version }), { success: '已完成', onConflict: changed });
    setBusy(null);
    if (done) changed();
  };
  const myInvite = p.cosigners.find((c) => c.memberId === me.memberId && c.status === 'invited');
  const answerInvite = (accept: boolean) => run(() => api.post(pathTo(proposalPaths.cosign, { id: p.id }), { accept }), { success: accept ? '已确认联名' : '已谢绝联名' }).then(changed);
  // a step the person may take once something is done stays on screen, with what is missing (the server's words)
  const offered = (action: string) => p.actions.includes(action) || action in p.blocked;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap style={{ whiteSpace: 'normal', padding: '8px 0' }}>
            <PageHeading data-testid="proposal-title">{p.title}</PageHeading>
            <Tag color={statusColor(p.status)} data-testid="proposal-status">
              {p.statusLabel}
            </Tag>
            {p.submittedAt && <Tag>{labelOf(proposalKinds, p.kind)}</Tag>}
            {p.isKey && <Tag color="red">重点提案</Tag>}
            {p.isExcellent && <Tag color="gold">优秀提案</Tag>}
            {p.publishedAt && <Tag color="green">已在门户公开</Tag>}
          </Space>
        }
        extra={
          <Space>
            <DocumentMenu proposalId={p.id} allowed={p.actions.includes('document')} />
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12 }} data-testid="proposal-actions">
          {p.actions.includes('update') && <Button onClick={() => navigate(`/proposals/${p.id}/edit`)}>编辑</Button>}
          {Object.entries(confirmations)
            .filter(([a]) => offered(a))
            .map(([a, c]) => (
              <Popconfirm key={a} title={c.question} onConfirm={() => void act(a)} disabled={!!busy}>
                <Button type={a === 'submit' ? 'primary' : 'default'} loading={busy === a} data-testid={`action-${a}`}>
                  {c.label}
                </Button>
              </Popconfirm>
            ))}
          {dialogs
            .filter((d) => offered(d.action))
            .map((d) => (
              <Button key={d.action} type={d.action === 'rate' ? 'primary' : 'default'} onClick={() => setDialog(d.action)} data-testid={`action-${d.action}`}>
                {d.label}
              </Button>
            ))}
          {p.actions.includes('merge') && <Button onClick={() => navigate('/proposals/review')}>到审查队列并案</Button>}
          {p.actions.includes('publish') && (
            <Button onClick={() => setDialog('publish')} data-testid="action-publish">
              {p.publishedAt ? '取消公开' : '在门户公开'}
            </Button>
          )}
        </Space>
        {myInvite && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${p.leadMemberName ?? p.proposer}邀请您联名这件提案`}
            action={
              <Space wrap>
                <Button size="small" type="primary" onClick={() => answerInvite(true)} data-testid="cosign-accept">
                  同意联名
                </Button>
                <Button size="small" onClick={() => answerInvite(false)} data-testid="cosign-decline">
                  谢绝
                </Button>
              </Space>
            }
          />
        )}
        {Object.entries(p.blocked).map(([action, missing]) => (
          <Alert key={action} type="info" showIcon style={{ marginBottom: 12 }} title={missing} data-testid={`blocked-${action}`} />
        ))}
        {p.status === 'returned' && p.decisionReason && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`退回修改：${p.decisionReason}`} />}
        {p.fromRequest && <Typography.Paragraph type="secondary">由群众民生诉求转来：<Link to={`/requests/${p.fromRequest.id}`} data-testid="from-request">查看原诉求（回执码 {p.fromRequest.code}）</Link></Typography.Paragraph>}
        {p.fromHome && <Typography.Paragraph type="secondary">由委员之家接待中收集的建议转来：<Link to={`/members-home/duties/${p.fromHome.dutyId}`} data-testid="from-home">查看接待记录（{p.fromHome.day}）</Link></Typography.Paragraph>}
        {p.status === 'rejected' && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`不予立案：${p.decisionReason ?? ''}`} />}
        {p.status === 'converted' && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`已转为${p.convertedTo ? labelOf(conversionTargets, p.convertedTo) : '意见建议'}${p.decisionReason ? `：${p.decisionReason}` : ''}`}
            description={p.convertedOpinion && <Link to={`/opinions/${p.convertedOpinion.id}`} data-testid="converted-opinion">查看转成的社情民意信息</Link>}
          />
        )}
        {p.status === 'replied' && p.actions.includes('rate') && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`承办单位已答复，请在${formatDay(p.rateDeadline)}前评价办理态度和结果`} />
        )}
        <ResearchOrigin type="proposal" id={p.id} />
        {p.mergedInto && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={<span>已并入 <Link to={`/proposals/${p.mergedInto.id}`}>{p.mergedInto.numberText ?? p.mergedInto.title}</Link></span>} />
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
          <Descriptions.Item label="编号">{p.numberText ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="类别">{p.category}</Descriptions.Item>
          <Descriptions.Item label="方式">
            {labelOf(authorTypes, p.authorType)}
            {p.collectiveBody ? `（${p.collectiveBody}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="提案人">{p.proposer}</Descriptions.Item>
          {p.topicTitle && <Descriptions.Item label="参考选题"><span data-testid="proposal-topic-title">{p.topicTitle}</span></Descriptions.Item>}
          <Descriptions.Item label="提交时间">{formatTime(p.submittedAt)}</Descriptions.Item>
          {p.decidedAt && <Descriptions.Item label="审定时间">{formatTime(p.decidedAt)}</Descriptions.Item>}
          {p.isKey && <Descriptions.Item label="领办领导">{p.keyLeaderName ?? '—'}</Descriptions.Item>}
          {p.handlingRound > 1 && <Descriptions.Item label="办理轮次">二次办理</Descriptions.Item>}
          {p.rateDeadline && <Descriptions.Item label="评价期限">{formatDay(p.rateDeadline)}</Descriptions.Item>}
          <Descriptions.Item label="同意公开答复">{p.proposerConsent ? '同意' : '不同意'}</Descriptions.Item>
          {p.mergedFrom.length > 0 && (
            <Descriptions.Item label="并入的提案" span="filled">
              {p.mergedFrom.map((m) => (
                <div key={m.id}>
                  <Link to={`/proposals/${m.id}`}>{m.title}</Link>（{m.proposerText}）
                </div>
              ))}
            </Descriptions.Item>
          )}
          {p.cosigners.length > 0 && (
            <Descriptions.Item label="联名委员" span="filled">
              <Space wrap data-testid="cosigners">
                {p.cosigners.map((c) => (
                  <Tag key={c.memberId} color={c.status === 'confirmed' ? 'green' : c.status === 'declined' ? 'default' : 'orange'} title={c.respondedAt ? `${formatTime(c.respondedAt)}答复` : '尚未答复'}>
                    {c.name} · {labelOf(cosignStatuses, c.status)}
                  </Tag>
                ))}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
        <div style={{ marginTop: 16 }}>
          <Section title="情况" text={p.background} />
          <Section title="分析" text={p.analysis} />
          <Section title="建议" text={p.suggestions} />
          <AttachmentLinks href={(attachmentId) => pathTo(proposalPaths.attachment, { id: p.id, attachmentId })} files={p.attachments} testId="proposal-attachments" />
        </div>
      </Card>

      {reviewing && <ReviewAdvice id={p.id} />}

      {p.reviewOpinions.length > 0 && (
        <Card title="审查意见" size="small" data-testid="review-opinions">
          {p.reviewOpinions.map((o) => (
            <p key={o.id}>
              {formatTime(o.createdAt)} · {labelOf(reviewStepLabels, o.step)} · {o.reviewerName}：{o.opinion}
            </p>
          ))}
        </Card>
      )}

      {p.instructions.length > 0 && (
        <Card title="领导批示" size="small" data-testid="instructions">
          {p.instructions.map((i) => (
            <p key={i.id}>
              {formatDay(i.instructedOn)} · {i.leaderName}（{labelOf(instructionLevels, i.level)}）：{i.text}
            </p>
          ))}
        </Card>
      )}

      {!beforeHandlingStates.includes(p.status as ProposalState) && <KeyPanel proposalId={p.id} />}

      {!beforeHandlingStates.includes(p.status as ProposalState) && <HandlingPanel subjectType="proposal" subjectId={p.id} />}

      <Card title="办理过程" size="small">
        <Timeline items={p.history.map((h) => ({ content: `${formatTime(h.at)} ${h.actorName} ${h.actionLabel}${h.note ? `：${h.note}` : ''}` }))} />
      </Card>

      <ActionDialog action={dialog === 'publish' ? null : dialog} proposal={p} onClose={() => setDialog(null)} onSaved={changed} />
      <PublishDialog open={dialog === 'publish'} proposal={p} onClose={() => setDialog(null)} onSaved={changed} />
    </Space>
  );
}
