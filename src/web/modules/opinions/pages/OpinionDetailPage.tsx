import { pathTo } from '@shared/http/paths';
import { opinionPaths } from '@shared/opinions/paths';
import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Collapse, Descriptions, Empty, Flex, Popconfirm, Row, Skeleton, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { can, formatDay, formatTime } from '../../../app/forms';
import { labelOf } from '@shared/labels';
import { sendStatuses } from '@shared/opinions/labels';
import type { OpinionDetail } from '@shared/opinions/responses';
import { showAnswer, useGet } from '../../../app/query';
import { ActionModal, type ActionKind } from '../ActionModal';
import { AttachmentLinks } from '../../../app/ui/AttachmentLinks';
import { OpinionForm } from '../OpinionForm';
import { useOpinionOptions } from '../useOptions';
import { statusColors } from '../colors';
import { PageHeading, usePageTitle } from '../../../app/ui/PageTitle';
import HandlingPanel from '../../handling/HandlingPanel';
import { ResearchOrigin } from '../../research/ResearchOrigin';
import { LinkButton } from '../../../app/ui/LinkButton';

/** Buttons in the order an editor works, each shown only when the server lists the action. */
const buttons: { action: string; kind: ActionKind; label: string; primary?: boolean }[] = [
  { action: 'edit', kind: 'edit', label: '编辑' },
  { action: 'adopt', kind: 'adopt', label: '采用编入刊物', primary: true },
  { action: 'decline', kind: 'decline', label: '不予采用' },
  { action: 'sendUp', kind: 'sendUp', label: '报送上级政协' },
  { action: 'recordSend', kind: 'recordSend', label: '记录报送' },
  { action: 'recordAdoption', kind: 'recordAdoption', label: '记录采用' },
  { action: 'instruct', kind: 'instruct', label: '记录批示' },
  { action: 'decideIncoming', kind: 'adoptIncoming', label: '采用', primary: true },
  { action: 'decideIncoming', kind: 'declineIncoming', label: '不予采用' },
];

/**
 * 信息详情: the text and its revisions, the timeline of sends, adoptions and instructions, and — once
 * the office may pass it to departments or has — the handling panel every handled type shares.
 */
export default function OpinionDetailPage() {
  const { id } = useParams();
  const options = useOpinionOptions();
  const path = pathTo(opinionPaths.detail, { id: id ?? '' });
  const { data: o, isPending: loading } = useGet<OpinionDetail>(path, undefined, { enabled: !!id });
  usePageTitle(o?.title);
  const [kind, setKind] = useState<ActionKind | null>(null);
  const [followUpOf, setFollowUpOf] = useState<string>();
  const [editingDraft, setEditingDraft] = useState(false);
  if (loading && !o) return <Skeleton active />;
  if (!o) return <Empty description="信息不存在或无权查看" />;

  // every write refetches the page (app/query.tsx); its answer is shown at once meanwhile
  const setData = (next: OpinionDetail) => showAnswer(path, next);
  const saved = (next: OpinionDetail) => {
    setKind(null);
    setData(next);
  };
  const act = (action: 'submit' | 'withdraw') => run(() => api.post<OpinionDetail>(pathTo(opinionPaths.action, { id: o.id, action }), { version: o.version }), { success: action === 'submit' ? '已报送' : '已撤回' }).then((n) => n && setData(n));

  const events: { day: string; color: string; node: ReactNode }[] = [
    ...o.sends.map((s) => ({ day: s.sentOn, color: 'blue', node: <>报送{s.kindLabel}：{s.targetName}{s.targetName && s.status !== 'sent' ? `（${labelOf(sendStatuses, s.status)}${s.feedback ? '：' + s.feedback : ''}）` : ''}</> })),
    ...o.adoptions.map((a) => ({ day: a.adoptedOn, color: 'green', node: <><Tag color="green">{a.levelLabel}采用</Tag>{a.modeLabel} · {a.adoptedBy}{a.department ? ` · ${a.department}` : ''}</> })),
    ...o.instructions.map((i) => ({
      day: i.instructedOn,
      color: 'red',
      node: (
        <>
          <Tag color="red">{i.levelLabel}批示</Tag>
          {i.leaderName}：{i.text}
          <div><Typography.Text type="secondary">落实情况：{i.followUp ?? '—'}</Typography.Text> {can(o, 'instruct') && <LinkButton onClick={() => { setFollowUpOf(i.id); setKind('followUp'); }}>记录落实</LinkButton>}</div>
        </>
      ),
    })),
  ].sort((a, b) => a.day.localeCompare(b.day));

  return (
    <Flex vertical gap={16}>
      <Card
        // a long title wraps on a phone instead of being cut off
        title={<PageHeading data-testid="opinion-title-view" style={{ whiteSpace: 'normal', padding: '8px 0' }}>{o.title}</PageHeading>}
        extra={<>{o.direct && <Tag color="red" data-testid="opinion-direct">直通车</Tag>}<Tag color={statusColors[o.status]} data-testid="opinion-status">{o.statusLabel}</Tag></>}
      >
        {o.status === 'declined' && o.feedback && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="未采用" description={o.feedback} />}
        <ResearchOrigin type="opinion" id={o.id} />
        {o.combinedInto && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={<>已与其他信息综合为 <Link to={`/opinions/${o.combinedInto.id}`}>{o.combinedInto.title}</Link>，署名保留</>} />}
        {o.incoming && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`${o.committeeName}于${o.incoming.sentOn}报送本会：${labelOf(sendStatuses, o.incoming.status)}`} description={o.incoming.note} />}
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="报送人">{o.authorText}</Descriptions.Item>
          <Descriptions.Item label="类别">{o.category}</Descriptions.Item>
          {o.contactPointName && <Descriptions.Item label="来自联系点"><span data-testid="opinion-contact-point-name">{o.contactPointName}</span></Descriptions.Item>}
          <Descriptions.Item label="报送日期">{formatDay(o.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label="所属">{o.committeeName}</Descriptions.Item>
          <Descriptions.Item label="刊物">{o.issue ? `《${options?.periodical ?? '社情民意'}》${o.issue.title}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="字数">{o.length}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="opinion-body-view">{o.body}</Typography.Paragraph>
        <AttachmentLinks href={(attachmentId) => pathTo(opinionPaths.attachment, { id: o.id, attachmentId })} files={o.attachments} testId="opinion-attachments" />
        {o.fromRequest && <Typography.Paragraph type="secondary">由群众民生诉求转来：<Link to={`/requests/${o.fromRequest.id}`} data-testid="from-request">查看原诉求（回执码 {o.fromRequest.code}）</Link></Typography.Paragraph>}
        {o.fromHome && <Typography.Paragraph type="secondary">由委员之家接待中收集的建议转来：<Link to={`/members-home/duties/${o.fromHome.dutyId}`} data-testid="from-home">查看接待记录（{o.fromHome.day}）</Link></Typography.Paragraph>}
        {o.fromProposalId && <Typography.Paragraph type="secondary">由提案转来：<Link to={`/proposals/${o.fromProposalId}`}>查看原提案</Link></Typography.Paragraph>}
        {o.sources.length > 0 && <Typography.Paragraph type="secondary">综合自：{o.sources.map((s) => `${s.title}（${s.authorText}）`).join('；')}</Typography.Paragraph>}
        <Flex wrap gap={8}>
          {can(o, 'update') && <Button onClick={() => setEditingDraft(true)}>修改草稿</Button>}
          {can(o, 'submit') && <Button type="primary" onClick={() => act('submit')} data-testid="opinion-action-submit">报送</Button>}
          {can(o, 'withdraw') && <Popconfirm title="撤回这篇信息？" onConfirm={() => act('withdraw')}><Button danger>撤回</Button></Popconfirm>}
          {buttons.filter((b) => can(o, b.action)).map((b) => (
            <Button key={b.kind} type={b.primary ? 'primary' : 'default'} onClick={() => setKind(b.kind)} data-testid={`opinion-action-${b.kind}`}>{b.label}</Button>
          ))}
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="报送、采用与批示" data-testid="opinion-timeline">
            {events.length ? <Timeline items={events.map((e) => ({ color: e.color, children: <><Typography.Text type="secondary">{e.day}</Typography.Text> {e.node}</> }))} /> : <Empty description="暂无" />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="修改记录（原稿及每次修改）">
            {o.revisions.length ? (
              <Collapse
                size="small"
                items={o.revisions.map((r) => ({
                  key: r.id,
                  label: `第${r.number}稿 · ${r.editorName} · ${formatTime(r.createdAt)}${r.note ? ` · ${r.note}` : ''}`,
                  children: <><Typography.Text strong>{r.title}</Typography.Text><Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.body}</Typography.Paragraph></>,
                }))}
              />
            ) : <Empty description="报送后保留原稿" />}
          </Card>
        </Col>
        {(can(o, 'assign') || o.assignments.length > 0) && (
          <Col xs={24}>
            <HandlingPanel subjectType="opinion" subjectId={o.id} />
          </Col>
        )}
        <Col xs={24}>
          <Card title="处理记录" size="small">
            <Timeline items={o.history.map((h) => ({ children: <>{formatTime(h.at)} {h.actorName} · {h.actionLabel}{h.note ? `：${h.note}` : ''}</> }))} />
          </Card>
        </Col>
      </Row>
      <ActionModal kind={kind} opinion={o} options={options} instructionId={followUpOf} onClose={() => setKind(null)} onSaved={saved} onConflict={() => undefined /* a conflict refetches the record; the form follows it */} />
      <OpinionForm open={editingDraft} options={options} draft={o} onClose={() => setEditingDraft(false)} onSaved={(n) => { setEditingDraft(false); setData(n); }} />
    </Flex>
  );
}
