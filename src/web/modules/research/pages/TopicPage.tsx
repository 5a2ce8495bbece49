import type { ReactNode } from 'react';
import { Card, Flex, List, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { researchPaths } from '@shared/research/paths';
import type { TopicDetail } from '@shared/research/responses';
import { formatTime } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { usePageTitle } from '../../../app/ui/PageTitle';
import { GroupSection } from '../GroupSection';
import { PlanSection } from '../PlanSection';
import { VisitsSection } from '../VisitsSection';
import { ReportSection } from '../ReportSection';
import { ConversionSection } from '../ConversionSection';
import { FollowUpSection } from '../FollowUpSection';

const Section = ({ title, testId, children }: { title: string; testId: string; children: ReactNode }) => (
  <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>{title}</Typography.Title>} data-testid={testId}>
    {children}
  </Card>
);

/**
 * 调研课题: the topic and its group, plan and visits; the report through its reviews; what it became
 * (proposals, 社情民意) and what departments did with it. Office, leaders, members and departments
 * all open this page; each sees the buttons the server allows them.
 */
export default function TopicPage() {
  const { id = '' } = useParams();
  const { data: t } = useGet<TopicDetail>(pathTo(researchPaths.topic, { id }));
  // each topic's page has its own title, not the list's
  usePageTitle(t?.title);
  if (!t) return null;
  return (
    <Flex vertical gap={12}>
      <PageCard title={t.title}>
        <Space wrap style={{ marginBottom: 8 }}>
          <Tag>{t.formLabel}</Tag>
          <Tag color={t.status === 'final' ? 'green' : 'blue'} data-testid="report-status">报告：{t.statusLabel}</Tag>
          <Tag>{t.specialCommitteeName || t.sourceLabel}</Tag>
          {t.overdueItems > 0 && <Tag color="red">{t.overdueItems}项建议逾期未答复</Tag>}
        </Space>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{t.reason}</Typography.Paragraph>
      </PageCard>
      <Section title="调研组" testId="research-group"><GroupSection t={t} /></Section>
      <Section title="调研方案" testId="research-plan"><PlanSection t={t} /></Section>
      <Section title="实地调研视察" testId="research-visits"><VisitsSection t={t} /></Section>
      <Section title="调研报告" testId="research-report"><ReportSection t={t} /></Section>
      <Section title="成果转化" testId="research-conversions"><ConversionSection t={t} /></Section>
      <Section title="批示与落实" testId="research-follow-up"><FollowUpSection t={t} /></Section>
      <Section title="办理记录" testId="research-history">
        <List size="small" dataSource={t.history} renderItem={(h) => <List.Item>{formatTime(h.at)} {h.actorName} {h.actionLabel}{h.note ? `：${h.note}` : ''}</List.Item>} />
      </Section>
    </Flex>
  );
}
