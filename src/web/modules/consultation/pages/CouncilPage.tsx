import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Popconfirm, Space, Steps, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { councilSteps, councilStates } from '@shared/consultation/council-labels';
import type { CouncilDecision } from '@shared/consultation/council-inputs';
import type { CouncilDetail } from '@shared/consultation/council-responses';
import { consultationPaths } from '@shared/consultation/paths';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { can } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { GuardedButton } from '../../../app/ui/GuardedButton';
import { PageCard } from '../../../app/ui/PageCard';
import { usePageTitle } from '../../../app/ui/PageTitle';
import { CouncilEditForm, ItemForm, ParticipantForm, ProgressForm, StepForm } from '../councils/CouncilDialogs';
import { councilColor } from './CouncilsPage';

/** The step buttons in order, with the words each shows. */
const stepButtons: [CouncilDecision, string][] = [
  ['setTopic', '确定议题'], ['research', '开展议前调研'], ['deliberate', '召开协商议事'], ['publish', '公示协商结果'], ['follow', '进入跟踪落实'], ['finish', '落实完毕'],
];
/** Steps that need words open a dialog; the others go at once. */
const withDialog: CouncilDecision[] = ['deliberate', 'publish', 'void'];

function Text({ title, value, testId }: { title: string; value: string | null; testId?: string }) {
  if (!value) return null;
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid={testId}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{value}</Typography.Paragraph>
    </Card>
  );
}

/**
 * A grassroots council: the six steps and where it is, what each step recorded, the five parties at
 * the table (phones only for the office) and the agreed items followed to the end. The general office
 * takes it on step by step; a member taking part reads it (on a phone: cards, no tables).
 */
export default function CouncilPage() {
  const { id = '' } = useParams();
  const { data: c } = useGet<CouncilDetail>(pathTo(consultationPaths.council, { id }));
  const [dialog, setDialog] = useState<CouncilDecision | 'edit' | 'participant' | 'item' | null>(null);
  const [item, setItem] = useState<CouncilDetail['items'][number] | null>(null);
  usePageTitle(c?.topic);
  if (!c) return null;
  const manage = can(c, 'update');
  const take = (action: CouncilDecision, label: string) =>
    withDialog.includes(action) ? setDialog(action) : run(() => api.post(pathTo(consultationPaths.councilAction, { id: c.id, action }), { version: c.version }), { success: `已${label}` });
  const remove = (participantId: string) => run(() => api.post(pathTo(consultationPaths.councilParticipantRemove, { id: c.id, participantId }), { version: c.version }), { success: '已移除' });
  const current = c.status === 'done' ? 6 : Math.max(0, c.step - 1);
  return (
    <PageCard
      title={c.topic}
      extra={
        <Space wrap>
          {stepButtons.filter(([a]) => can(c, a) || c.blocked[a]).map(([a, label]) => (
            <GuardedButton key={a} type="primary" why={c.blocked[a]} onClick={() => take(a, label)} data-testid={`council-${a}`}>{label}</GuardedButton>
          ))}
          {manage && <Button onClick={() => setDialog('edit')} data-testid="council-edit">修改记录</Button>}
          {can(c, 'void') && <Button danger onClick={() => setDialog('void')} data-testid="council-void">作废</Button>}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color={councilColor[c.status]} data-testid="council-status">{c.statusLabel}</Tag>
      </Space>
      {c.status === 'voided' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`已作废：${c.voidReason ?? ''}`} />}
      <Steps
        size="small"
        current={current}
        status={c.status === 'voided' ? 'error' : c.status === 'done' ? 'finish' : 'process'}
        style={{ marginBottom: 16 }}
        items={councilSteps.map((s) => ({ title: councilStates[s] }))}
        data-testid="council-steps"
      />
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="组织单位">{c.organizer ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="议事地点">{c.place ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="议事日期">{c.day ?? '尚未召开'}</Descriptions.Item>
        {c.publishedOn && <Descriptions.Item label="公示日期">{c.publishedOn}</Descriptions.Item>}
      </Descriptions>
      <Text title="民意收集情况" value={c.opinions} />
      <Text title="议前调研情况" value={c.research} />
      <Text title="协商议事情况" value={c.minutes} />
      <Text title="协商结果" value={c.result} testId="council-result-text" />

      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ fontSize: 18 }}>参加人员（{c.participants.length}）</Typography.Title>
        {manage && <Button onClick={() => setDialog('participant')} data-testid="participant-add">添加参加人员</Button>}
      </Space>
      {c.participants.length === 0 && <Empty description="尚未添加参加人员" />}
      {c.participants.map((p) => (
        <Card key={p.id} size="small" style={{ marginBottom: 8 }} data-testid="participant-card">
          <Space wrap>
            <Tag>{p.partyLabel}</Tag>
            <Typography.Text strong>{p.name}</Typography.Text>
            {p.unit && <Typography.Text type="secondary">{p.unit}</Typography.Text>}
            {p.phone && <Typography.Text type="secondary">{p.phone}</Typography.Text>}
            {manage && (
              <Popconfirm title={`移除${p.name}？`} okText="移除" cancelText="取消" onConfirm={() => remove(p.id)}>
                <Button size="small" type="link" aria-label={`移除${p.name}`}>移除</Button>
              </Popconfirm>
            )}
          </Space>
        </Card>
      ))}

      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ fontSize: 18 }}>议定事项（{c.itemsDone}/{c.itemCount} 已落实）</Typography.Title>
        {manage && c.step >= 4 && <Button onClick={() => setDialog('item')} data-testid="item-add">记录议定事项</Button>}
      </Space>
      {c.items.length === 0 && <Empty description="尚无议定事项" />}
      {c.items.map((i) => (
        <Card key={i.id} size="small" style={{ marginBottom: 8 }} data-testid="item-card">
          <Space wrap style={{ marginBottom: 4 }}>
            <Tag color={i.status === 'done' ? 'green' : 'orange'}>{i.statusLabel}</Tag>
            <Typography.Text strong>{i.title}</Typography.Text>
          </Space>
          <div>责任单位：{i.responsible}{i.dueOn && ` · 完成时限：${i.dueOn}`}{i.doneOn && ` · 落实日期：${i.doneOn}`}</div>
          {i.progress && <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>落实情况：{i.progress}</Typography.Paragraph>}
          {manage && c.step >= 4 && <Button size="small" style={{ marginTop: 4 }} onClick={() => setItem(i)} aria-label={`跟踪落实：${i.title}`} data-testid="item-progress-open">跟踪落实</Button>}
        </Card>
      ))}

      <StepForm council={c} action={dialog === 'deliberate' || dialog === 'publish' || dialog === 'void' ? dialog : null} onClose={() => setDialog(null)} />
      <CouncilEditForm council={dialog === 'edit' ? c : null} onClose={() => setDialog(null)} />
      <ParticipantForm council={c} open={dialog === 'participant'} onClose={() => setDialog(null)} />
      <ItemForm council={c} open={dialog === 'item'} onClose={() => setDialog(null)} />
      <ProgressForm council={c} item={item} onClose={() => setItem(null)} />
    </PageCard>
  );
}
