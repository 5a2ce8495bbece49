import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Form, List, Select, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { consultationPaths } from '@shared/consultation/paths';
import { keyProposalsBody } from '@shared/consultation/inputs';
import { api } from '../../../app/api';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';
import { showAnswer, useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import HandlingPanel from '../../handling/HandlingPanel';
import { QualityCard, type Quality } from '../QualityCard';

interface KeyRef { id: string; proposalId: string; title: string; numberText: string | null; statusLabel: string; link: string }

interface Detail {
  id: string; version: number; actions: string[]; keyProposals: KeyRef[]; keyProposalOptions: KeyRef[]; title: string; formLabel: string; month: number; researchFirst: boolean; description: string | null; status: string; statusLabel: string;
  leadName: string; unitNames: string[]; heldOn: string | null; minutes: string | null;
  quality: Quality;
  timings: { key: string; label: string; due: string; doneOn: string | null; state: 'pending' | 'done' | 'late' | 'overdue'; stateLabel: string }[];
  rooms: { id: string; title: string; phaseLabel: string; summary: string | null; summarizedOn: string | null }[];
  outcome: { kindLabel: string; title: string; text: string; sentOn: string | null } | null;
  participants: { id: string; kindLabel: string; name: string; affiliation: string; checkedIn: boolean; mine: boolean }[];
  speeches: { id: string; kindLabel: string; speaker: string; text: string; recordedOn: string }[];
  instructions: { id: string; leaderName: string; levelLabel: string; text: string; instructedOn: string }[];
  recommendations: { id: string; position: number; text: string; handlingLabel: string; handlingStatus: string }[];
}

const timingColors = { pending: 'default', done: 'green', late: 'orange', overdue: 'red' } as const;
const keyRules = fieldRules(keyProposalsBody);

/** 提案办理协商: the key proposals it discusses, linked; the general office picks them (same committee and year). */
function KeyProposalsCard({ c, onSaved }: { c: Detail; onSaved(d: Detail): void }) {
  const [picking, setPicking] = useState(false);
  const picks = c.actions.includes('keyProposals');
  if (!picks && c.keyProposals.length === 0) return null;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="consultation-key-proposals"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>所议重点提案</h2>}
      extra={picks && <Button size="small" onClick={() => setPicking(true)} data-testid="pick-key-proposals">选择重点提案</Button>}
    >
      <List
        size="small"
        dataSource={c.keyProposals}
        locale={{ emptyText: '尚未选择所议的重点提案' }}
        renderItem={(k) => (
          <List.Item>
            <Space wrap size={4}>
              <Link to={k.link} style={{ whiteSpace: 'normal' }}>{k.numberText ? `${k.numberText} ` : ''}{k.title}</Link>
              <Tag>{k.statusLabel}</Tag>
            </Space>
          </List.Item>
        )}
      />
      <FormModal<Detail>
        name="keyProposals"
        open={picking}
        title="选择所议重点提案"
        initialValues={{ keyProposalIds: c.keyProposals.map((k) => k.id) }}
        onClose={() => setPicking(false)}
        onSaved={(d) => { setPicking(false); onSaved(d); }}
        save={(v) => api.post<Detail>(pathTo(consultationPaths.keyProposals, { id: c.id }), { version: c.version, keyProposalIds: v.keyProposalIds ?? [] })}
      >
        <Form.Item name="keyProposalIds" label="讨论的重点提案" rules={keyRules.keyProposalIds} extra="本会本年度已确定的重点提案">
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="输入标题查找"
            options={c.keyProposalOptions.map((k) => ({ value: k.id, label: `${k.numberText ? `${k.numberText} ` : ''}${k.title}` }))}
            data-testid="key-proposal-select"
          />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

/**
 * 协商活动: what was consulted on, who took part and what they said, the outcome sent to the party
 * committee and government, the leaders' instructions and what each department did with each
 * recommendation — so every participant sees what became of what they said (委员不白说).
 */
export default function ConsultationPage() {
  const { id = '' } = useParams();
  const path = pathTo(consultationPaths.consultation, { id });
  const { data: c } = useGet<Detail>(path);
  if (!c) return null;
  return (
    <PageCard title={c.title}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color={c.status === 'done' ? 'green' : 'blue'} data-testid="consultation-status">{c.statusLabel}</Tag>
        <Tag>{c.formLabel}</Tag>
        {c.researchFirst && <Tag color="cyan">先调研后协商</Tag>}
      </Space>
      <Descriptions column={{ xs: 1, md: 2 }} size="small" items={[
        { key: 'm', label: '计划时间', children: `${c.month}月` },
        { key: 'h', label: '召开日期', children: c.heldOn ?? '—' },
        { key: 'l', label: '牵头专委会', children: c.leadName || '—' },
        { key: 'u', label: '参与部门', children: c.unitNames.join('、') || '—' },
      ]} />
      {c.description && <Typography.Paragraph>{c.description}</Typography.Paragraph>}
      <Space wrap size={[8, 4]} style={{ marginBottom: 8 }}>
        {c.timings.map((t) => (
          <Tag key={t.key} color={timingColors[t.state]} data-testid={`timing-${t.key}`}>
            {t.label}：{t.doneOn ? `${t.doneOn}（${t.stateLabel}）` : `${t.due}前（${t.stateLabel}）`}
          </Tag>
        ))}
      </Space>

      <KeyProposalsCard c={c} onSaved={(d) => void showAnswer(path, d)} />

      <Typography.Title level={2} style={{ fontSize: 18 }}>协商成果</Typography.Title>
      {c.outcome ? (
        <Card size="small" data-testid="consultation-outcome" title={`${c.outcome.kindLabel}：${c.outcome.title}`} extra={c.outcome.sentOn ? `${c.outcome.sentOn} 报送党委、政府` : undefined}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.outcome.text}</Typography.Paragraph>
        </Card>
      ) : <Empty description="尚未形成成果" />}
      {c.rooms.map((r) => (
        <Card key={r.id} size="small" style={{ marginTop: 12 }} data-testid="consultation-room" title={<Link to={`/consultation/rooms/${r.id}`}>网络议政：{r.title}</Link>} extra={r.phaseLabel}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.summary ? `议政综述：${r.summary}` : '议政综述尚未形成'}</Typography.Paragraph>
        </Card>
      ))}

      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>领导批示</Typography.Title>
      <List
        dataSource={c.instructions}
        locale={{ emptyText: '暂无批示' }}
        renderItem={(i) => (
          <List.Item data-testid="consultation-instruction">
            <List.Item.Meta title={`${i.leaderName}（${i.levelLabel}）· ${i.instructedOn}`} description={i.text} />
          </List.Item>
        )}
      />

      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>建议落实</Typography.Title>
      {c.recommendations.length === 0 && <Empty description="建议尚未交部门办理" />}
      {c.recommendations.map((r) => (
        <Card key={r.id} size="small" style={{ marginBottom: 12 }} title={`${r.position}. ${r.text}`} extra={<Tag color={r.handlingStatus === 'replied' ? 'green' : 'orange'}>{r.handlingLabel}</Tag>} data-testid="consultation-item">
          <HandlingPanel subjectType="consultationItem" subjectId={r.id} />
        </Card>
      ))}

      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>参加人员与发言</Typography.Title>
      <Typography.Paragraph>
        {c.participants.map((p) => `${p.name}${p.affiliation ? `（${p.affiliation}）` : ''}${p.checkedIn ? '✓' : ''}`).join('、') || '—'}
      </Typography.Paragraph>
      <List
        dataSource={c.speeches}
        locale={{ emptyText: '暂无发言记录' }}
        renderItem={(s) => (
          <List.Item>
            <List.Item.Meta title={`${s.speaker} · ${s.kindLabel} · ${s.recordedOn}`} description={s.text} />
          </List.Item>
        )}
      />
      <QualityCard consultationId={c.id} quality={c.quality} />
      {c.minutes && (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>会议纪要</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.minutes}</Typography.Paragraph>
        </>
      )}
    </PageCard>
  );
}
