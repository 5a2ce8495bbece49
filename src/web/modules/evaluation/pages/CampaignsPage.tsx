import { useState } from 'react';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { evaluationPaths } from '@shared/evaluation/paths';
import type { CampaignRow } from '@shared/evaluation/responses';
import { can, dateRange } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { CampaignForm } from '../CampaignForm';
import { campaignColors } from '../colors';

/** 民主评议: the committee's campaigns, newest year first; the office starts a new one. */
export default function CampaignsPage() {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { data, isFetching } = useGet<{ items: CampaignRow[]; actions: string[] }>(evaluationPaths.campaigns);
  return (
    <PageCard title="民主评议" extra={can(data, 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-new">新建评议活动</Button>}>
      {data && data.items.length === 0 ? (
        <Empty description="尚无民主评议活动" />
      ) : (
        <List
          loading={isFetching && !data}
          grid={{ gutter: 12, xs: 1, md: 2, xl: 3 }}
          dataSource={data?.items ?? []}
          renderItem={(c) => (
            <List.Item>
              <Card size="small" data-testid="campaign-card">
                <Flex vertical gap={4}>
                  <Link to={`/evaluation/campaigns/${c.id}`} style={{ fontWeight: 600, whiteSpace: 'normal' }}>{c.title}</Link>
                  <Flex wrap gap={4}><Tag color={campaignColors[c.status]}>{c.statusLabel}</Tag><Tag>{c.year}年度</Tag></Flex>
                  <Typography.Text type="secondary">评议部门{c.departmentCount}个 · 参评委员{c.invitedCount}人</Typography.Text>
                  <Typography.Text type="secondary">调查走访：{dateRange(c.phases.surveying.from, c.phases.surveying.to)}</Typography.Text>
                </Flex>
              </Card>
            </List.Item>
          )}
        />
      )}
      <CampaignForm open={creating} campaign={null} onClose={() => setCreating(false)} onSaved={(c) => { setCreating(false); navigate(`/evaluation/campaigns/${c.id}`); }} />
    </PageCard>
  );
}
