import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Card, Flex, Spin, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { studioPaths } from '@shared/studios/paths';
import type { PortalStudio } from '@shared/studios/responses';
import { PageHeading, useDocumentTitle } from '../../../app/ui/PageTitle';
import { PortalOutcome } from '../../portal/PortalOutcome';
import { usePublished } from '../../portal/usePublished';
import { AskForm } from './AskForm';

const Section = ({ title, testId, children }: { title: string; testId: string; children: ReactNode }) => (
  <section aria-labelledby={`${testId}-title`} data-testid={testId} style={{ marginTop: 20 }}>
    <Typography.Title level={2} id={`${testId}-title`} style={{ fontSize: 17 }}>{title}</Typography.Title>
    {children}
  </section>
);
const muted = { color: '#595959' };

/**
 * One studio's public page, a link anyone can share: where and when to find it, its members by
 * name and sector, its activities, what it has done, the answered questions, and the question form.
 */
export default function PortalStudioPage() {
  const { id = '' } = useParams();
  const { data: s, loading } = usePublished<PortalStudio>(pathTo(studioPaths.portalStudio, { id }));
  useDocumentTitle(s?.name, s?.committee.name, '政协公开门户');
  if (loading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (!s) return <PortalOutcome kind="missing" title="该委员工作室不存在或已停用" extra={<Link to="/portal/studios">返回委员工作室</Link>} />;
  return (
    <Card title={<PageHeading style={{ whiteSpace: 'normal' }} data-testid="portal-studio-title">{s.name}</PageHeading>} extra={<Link to={`/portal/studios?c=${s.committee.id}`}>全部工作室</Link>}>
      <Typography.Paragraph style={muted}>{[s.committee.name, s.kindLabel && `${s.kindLabel}工作室`, `委员${s.memberCount}名`].filter(Boolean).join(' · ')}</Typography.Paragraph>
      <dl style={{ margin: 0 }}>
        <dt style={{ fontWeight: 500 }}>地点</dt>
        <dd style={{ margin: '0 0 8px' }} data-testid="portal-studio-place">{s.place || '暂未公布'}</dd>
        <dt style={{ fontWeight: 500 }}>开放时间</dt>
        <dd style={{ margin: '0 0 8px' }}>{s.openingHours || '暂未公布'}</dd>
      </dl>
      {s.introduction && s.introduction.split(/\n\s*\n/).map((p, i) => <Typography.Paragraph key={i} style={{ whiteSpace: 'pre-wrap' }}>{p}</Typography.Paragraph>)}

      <Section title="工作成效" testId="portal-studio-record">
        <Flex wrap gap={24}>
          <div><strong style={{ fontSize: 22 }}>{s.record.requestsRouted}</strong> 件 <span style={muted}>转来的民生诉求</span></div>
          <div><strong style={{ fontSize: 22 }}>{s.record.requestsDone}</strong> 件 <span style={muted}>已办结</span></div>
          <div><strong style={{ fontSize: 22 }}>{s.record.questionsAnswered}</strong> 条 <span style={muted}>公开答复的咨询</span></div>
        </Flex>
      </Section>

      <Section title="工作室委员" testId="portal-studio-members">
        {s.members.length ? (
          <ul style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', padding: 0, margin: 0, listStyle: 'none' }}>
            {s.members.map((m, i) => <li key={i}>{m.name}{m.sector && <span style={muted}>（{m.sector}）</span>}</li>)}
          </ul>
        ) : <span style={muted}>暂无</span>}
      </Section>

      <Section title="工作室活动" testId="portal-studio-activities">
        {s.activities.length ? (
          <ul style={{ paddingInlineStart: 20, margin: 0 }}>
            {s.activities.map((a, i) => <li key={i}>{a.date} {a.title}{a.place && <span style={muted}> · {a.place}</span>}</li>)}
          </ul>
        ) : <span style={muted}>暂无活动</span>}
      </Section>

      <Section title="咨询答复" testId="portal-studio-questions">
        {s.questions.length ? s.questions.map((q, i) => (
          <article key={i} style={{ borderTop: '1px solid #f0f0f0', padding: '8px 0' }} data-testid="portal-studio-question">
            <p style={{ margin: 0, whiteSpace: 'pre-wrap' }}><strong>问：</strong>{q.body} <span style={muted}>（{q.askedOn}）</span></p>
            <p style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}><strong>答：</strong>{q.answer} <span style={muted}>（{[q.answeredBy, q.answeredOn].filter(Boolean).join(' · ')}）</span></p>
          </article>
        )) : <span style={muted}>暂无公开的答复</span>}
      </Section>

      <Section title="线上咨询" testId="portal-studio-ask">
        <AskForm studioId={s.id} committeeId={s.committee.id} />
      </Section>
    </Card>
  );
}
