import { Link } from 'react-router';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import type { HomeSuggestion, HomeVisit } from '@shared/members-home/responses';
import { can } from '../../app/forms';

const suggestionColors: Record<string, string> = { open: 'gold', proposal: 'green', opinion: 'blue' };

/** One visit as the log shows it: who came, about what, what was said, and what became of each suggestion. */
export function VisitCard({ visit, onConvert, extra }: { visit: HomeVisit; onConvert?: (s: HomeSuggestion) => void; extra?: string }) {
  return (
    <Card size="small" style={{ width: '100%' }} data-testid="home-visit">
      <Flex justify="space-between" align="start" gap={8} wrap>
        <Typography.Text strong>{visit.topic}</Typography.Text>
        <Tag color={visit.isMember ? 'geekblue' : 'default'}>{visit.isMember ? '委员' : '非委员'}</Tag>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
        {visit.day} · 来访：{visit.visitorName}{visit.visitorNote ? `（${visit.visitorNote}）` : ''}{extra ? ` · ${extra}` : ''}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>{visit.said}</Typography.Paragraph>
      {visit.suggestions.map((s) => (
        <Flex key={s.id} vertical gap={4} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 6, marginTop: 6 }} data-testid="home-suggestion">
          <Flex justify="space-between" align="start" gap={8}>
            <Typography.Text>工作建议：{s.body}</Typography.Text>
            <Tag color={suggestionColors[s.status]}>{s.statusLabel}</Tag>
          </Flex>
          {s.proposal && <Typography.Text>已转为提案草稿：<Link to={`/proposals/${s.proposal.id}`} data-testid="suggestion-proposal">{s.proposal.title}</Link></Typography.Text>}
          {s.opinion && <Typography.Text>已转为社情民意信息：<Link to={`/opinions/${s.opinion.id}`} data-testid="suggestion-opinion">{s.opinion.title}</Link></Typography.Text>}
          {s.status !== 'open' && !s.proposal && !s.opinion && <Typography.Text type="secondary">已由{s.convertedByName}转化</Typography.Text>}
          {onConvert && can(s, 'convert') && (
            <div>
              <Button size="small" onClick={() => onConvert(s)} data-testid="suggestion-convert">转为提案或社情民意</Button>
            </div>
          )}
        </Flex>
      ))}
    </Card>
  );
}
