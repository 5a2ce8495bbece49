import { Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { consultationPaths } from '@shared/consultation/paths';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import HandlingPanel from '../../handling/HandlingPanel';
import { QualityCard, type Quality } from '../QualityCard';

interface Detail {
  id: string; title: string; formLabel: string; month: number; researchFirst: boolean; description: string | null; status: string; statusLabel: string;
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

/**
 * 协商活动: what was consulted on, who took part and what they said, the outcome sent to the party
 * committee and government, the leaders' instructions and what each department did with each
 * recommendation — so every participant sees what became of what they said (委员不白说).
 */
export default function ConsultationPage() {
  const { id = '' } = useParams();
  const { data: c } = useGet<Detail>(pathTo(consultationPaths.consultation, { id }));
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
