import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Empty, Flex, Form, Input, List, Select, Skeleton, Steps, Tag, Timeline, Tooltip, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import dayjs from 'dayjs';
import { pathTo } from '@shared/http/paths';
import { campaignActionBodies, findingInput } from '@shared/evaluation/inputs';
import { evaluationPaths } from '@shared/evaluation/paths';
import type { CampaignDetail } from '@shared/evaluation/responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { can, dateRange, formatDay, formatTime } from '../../../app/forms';
import { showAnswer, useGet } from '../../../app/query';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';
import { PageHeading, usePageTitle } from '../../../app/ui/PageTitle';
import { CampaignForm } from '../CampaignForm';
import { ResultsCard } from '../ResultsCard';
import { RepresentativesCard } from '../RepresentativesCard';
import { campaignColors, findingColors } from '../colors';

type Dialog = 'edit' | 'propose' | 'approve' | 'reject' | 'finding' | null;
const proposeRules = fieldRules(campaignActionBodies.propose);
const approveRules = fieldRules(campaignActionBodies.approve);
const rejectRules = fieldRules(campaignActionBodies.reject);
const findingRules = fieldRules(findingInput);
/** the steps a button moves the campaign on by, in order */
const steps = [
  ['startSurvey', '开始调查走访（开放问卷）', '问卷已开放'],
  ['startDeliberation', '进入评议审议（关闭问卷）', '问卷已关闭'],
  ['publish', '公布评议结果', '评议结果已公布'],
  ['startRecheck', '开展回头看', '已进入回头看'],
  ['finish', '结束评议活动', '评议活动已结束'],
] as const;

/**
 * 民主评议活动: the phases with their dates, the chairs' meeting's and the party committee's
 * decisions, the departments and weighted indicators, the results, the rectification items and
 * the history — with the buttons the server allows this person (and why a step is not ready yet).
 */
export default function CampaignPage() {
  const { id = '' } = useParams();
  const path = pathTo(evaluationPaths.campaign, { id });
  const { data: c, isPending } = useGet<CampaignDetail>(path, undefined, { enabled: !!id });
  usePageTitle(c?.title);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (isPending && !c) return <Skeleton active />;
  if (!c) return <Empty description="民主评议活动不存在或无权查看" />;

  const done = (next: CampaignDetail) => {
    setDialog(null);
    showAnswer(path, next);
  };
  const act = (action: string, body: object = {}) => api.post<CampaignDetail>(pathTo(evaluationPaths.action, { id: c.id, action }), { version: c.version, ...body });
  const day = (v: Record<string, any>) => ({ ...v, on: v.on.format('YYYY-MM-DD') });
  const current = c.phaseList.findIndex((p) => p.state === 'current');
  const scored = !['draft', 'proposed', 'preparing'].includes(c.status);

  return (
    <Flex vertical gap={16}>
      <Card title={<PageHeading style={{ whiteSpace: 'normal', padding: '8px 0' }}>{c.title}</PageHeading>} extra={<Tag color={campaignColors[c.status]} data-testid="campaign-status">{c.statusLabel}</Tag>}>
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          {can(c, 'update') && <Button onClick={() => setDialog('edit')}>修改</Button>}
          {can(c, 'propose') && <Button type="primary" onClick={() => setDialog('propose')} data-testid="campaign-propose">记录主席会议提出</Button>}
          {can(c, 'approve') && <Button type="primary" onClick={() => setDialog('approve')} data-testid="campaign-approve">记录党委批准</Button>}
          {can(c, 'reject') && <Button onClick={() => setDialog('reject')}>党委退回调整</Button>}
          {steps.map(([action, label, success]) =>
            can(c, action) ? (
              <Button key={action} type="primary" onClick={() => run(() => act(action), { success }).then((n) => n && done(n))} data-testid={`campaign-${action}`}>{label}</Button>
            ) : c.blocked[action] ? (
              <Tooltip key={action} title={c.blocked[action]}><Button disabled>{label}</Button></Tooltip>
            ) : null,
          )}
          {can(c, 'addFinding') && <Button onClick={() => setDialog('finding')} data-testid="finding-new">提出整改事项</Button>}
        </Flex>
        {Object.values(c.blocked).map((why) => <Alert key={why} type="warning" showIcon message={why} style={{ marginBottom: 8 }} />)}
        <Steps
          size="small"
          current={current < 0 ? (c.status === 'done' ? c.phaseList.length : -1) : current}
          items={c.phaseList.map((p) => ({ title: p.label, description: dateRange(p.from, p.to) }))}
          responsive
          style={{ marginBottom: 16 }}
        />
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'p', label: '主席会议提出', children: c.proposedOn ? `${formatDay(c.proposedOn)} ${c.proposalNote ?? ''}` : '—' },
          { key: 'a', label: '党委批准', children: c.approvedOn ? `${formatDay(c.approvedOn)} ${c.approvalNote ?? ''}` : '—' },
          { key: 'i', label: '参评委员', children: `${c.invitedCount}人${c.invitedMembers.length ? `：${c.invitedMembers.map((m) => m.name).join('、')}` : ''}` },
          { key: 'o', label: '社会公众', children: c.publicOpen ? <Link to="/portal/evaluation">调查走访期间在门户开放公众问卷</Link> : '不向社会公众开放' },
          { key: 'r', label: '结果公布', children: formatDay(c.publishedOn) },
        ]} />
      </Card>
      <Card title={<PageHeading level={2}>评议部门与指标</PageHeading>} size="small">
        <Flex vertical gap={8}>
          <div>评议部门（{c.departments.length}）：{c.departments.map((d) => <Tag key={d.unitId} color="blue">{d.name}</Tag>)}</div>
          <div>评议指标（权重）：{c.indicators.map((i) => <Tag key={i.key}>{i.label} {i.weight}</Tag>)}</div>
          <Typography.Text type="secondary">每项指标按“满意、基本满意、不满意、不了解”无记名作答，“不了解”不计入得分；系统只保存票数，任何人都看不到个人的选择。</Typography.Text>
        </Flex>
      </Card>
      {can(c, 'representatives') && <RepresentativesCard campaignId={c.id} mayInvite={can(c, 'invite')} />}
      {scored && <ResultsCard campaignId={c.id} title={c.title} />}
      {(c.findings.length > 0 || can(c, 'addFinding')) && (
        <Card title={<PageHeading level={2}>整改事项</PageHeading>} size="small">
          {c.findings.length === 0 ? <Empty description="尚未提出整改事项" /> : (
            <List
              dataSource={c.findings}
              renderItem={(f) => (
                <List.Item data-testid="finding-row">
                  <Flex vertical gap={4} style={{ width: '100%' }}>
                    <Flex wrap gap={6} align="center">
                      <Link to={`/evaluation/findings/${f.id}`} style={{ fontWeight: 600 }}>{f.unitName}</Link>
                      <Tag color={findingColors[f.status]}>{f.statusLabel}</Tag>
                      {f.overdue && <Tag color="red">逾期</Tag>}
                      {f.handlingRound > 1 && <Tag>第{f.handlingRound}轮整改</Tag>}
                      {f.replyDeadline && <Typography.Text type="secondary">{formatDay(f.replyDeadline)}前反馈</Typography.Text>}
                    </Flex>
                    <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{f.text}</Typography.Text>
                    {f.recheckNote && <Typography.Text type="secondary">回头看（{formatDay(f.recheckedOn)}）：{f.recheckNote}</Typography.Text>}
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
      <Card title={<PageHeading level={2}>活动历程</PageHeading>} size="small">
        <Timeline items={c.history.map((h, i) => ({ key: i, children: <>{formatTime(h.at)} {h.actorName} {h.actionLabel}{h.note ? `：${h.note}` : ''}</> }))} />
      </Card>

      <CampaignForm open={dialog === 'edit'} campaign={c} onClose={() => setDialog(null)} onSaved={done} />
      {can(c, 'propose') && <FormModal name="propose" open={dialog === 'propose'} title="记录主席会议提出评议部门" initialValues={{ on: dayjs() }} save={(v) => act('propose', day(v))} onSaved={done} onClose={() => setDialog(null)} success="已记录主席会议意见">
        <Form.Item name="on" label="主席会议日期" rules={[{ required: true, message: '主席会议日期：必填' }]}><DatePicker /></Form.Item>
        <Form.Item name="note" label="主席会议意见" rules={proposeRules.note}><Input.TextArea autoSize={{ minRows: 2 }} data-testid="propose-note" /></Form.Item>
      </FormModal>}
      {can(c, 'approve') && <FormModal name="approve" open={dialog === 'approve'} title="记录党委批准" initialValues={{ on: dayjs() }} save={(v) => act('approve', day(v))} onSaved={done} onClose={() => setDialog(null)} success="已记录党委批准">
        <Form.Item name="on" label="党委批准日期" rules={[{ required: true, message: '党委批准日期：必填' }]}><DatePicker /></Form.Item>
        <Form.Item name="note" label="党委批准意见" rules={approveRules.note}><Input.TextArea autoSize={{ minRows: 2 }} data-testid="approve-note" /></Form.Item>
      </FormModal>}
      {can(c, 'reject') && <FormModal name="reject" open={dialog === 'reject'} title="党委退回调整" save={(v) => act('reject', v)} onSaved={done} onClose={() => setDialog(null)} success="已退回">
        <Form.Item name="note" label="退回意见" rules={rejectRules.note}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
      </FormModal>}
      {can(c, 'addFinding') && <FormModal name="finding" open={dialog === 'finding'} title="提出整改事项（交部门办理）" save={(v) => api.post<CampaignDetail>(pathTo(evaluationPaths.findings, { id: c.id }), v)} onSaved={done} onClose={() => setDialog(null)} success="已交部门整改">
        <Form.Item name="unitId" label="整改部门" rules={findingRules.unitId}>
          <Select options={c.departments.map((d) => ({ value: d.unitId, label: d.name }))} data-testid="finding-unit" />
        </Form.Item>
        <Form.Item name="text" label="整改事项" rules={findingRules.text}><Input.TextArea autoSize={{ minRows: 3 }} data-testid="finding-text" /></Form.Item>
      </FormModal>}
    </Flex>
  );
}
