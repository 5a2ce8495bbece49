import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { keyPaths, type ExcellentView } from '@shared/proposals/key';
import { formatDay } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';

const color: Record<string, string> = { nominated: 'blue', reviewed: 'orange', decided: 'gold', published: 'green', notSelected: 'default' };

/**
 * 优秀提案评选: the year's round — nominations by the proposal office or a special committee, their
 * review, the decision and publication on the portal. Each step is taken on the proposal's page.
 */
export default function ExcellentPage() {
  const { data, isFetching } = useGet<{ year: number; items: ExcellentView[] }>(keyPaths.excellent);
  return (
    <PageCard title="优秀提案评选">
      {data && <Typography.Paragraph>{data.year}年度：推荐 {data.items.length} 件，评定 {data.items.filter((n) => n.status === 'decided' || n.status === 'published').length} 件。在提案详情页推荐、初审、评定和公布。</Typography.Paragraph>}
      {data && !data.items.length ? (
        <Empty description="本年度尚无推荐的优秀提案" />
      ) : (
        <List
          loading={isFetching && !data}
          dataSource={data?.items ?? []}
          renderItem={(n) => (
            <List.Item style={{ padding: '6px 0' }}>
              <Card size="small" style={{ width: '100%' }} data-testid="excellent-card">
                <Flex vertical gap={4}>
                  <Link to={`/proposals/${n.proposalId}`} style={{ fontWeight: 600, whiteSpace: 'normal' }}>{n.title}</Link>
                  <Flex wrap gap={4}>
                    {n.numberText && <Tag>{n.numberText}</Tag>}
                    <Tag color={color[n.status]}>{n.statusLabel}</Tag>
                  </Flex>
                  <Typography.Text type="secondary">{n.proposer} · {n.sourceLabel}推荐{n.decidedOn ? ` · ${formatDay(n.decidedOn)}评定` : ''}{n.publishedOn ? ` · ${formatDay(n.publishedOn)}公布` : ''}</Typography.Text>
                  <span style={{ wordBreak: 'break-word' }}>{n.reason}</span>
                </Flex>
              </Card>
            </List.Item>
          )}
        />
      )}
    </PageCard>
  );
}
