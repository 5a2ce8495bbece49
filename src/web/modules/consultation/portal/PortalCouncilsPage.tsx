import { Link } from 'react-router';
import { Card, Empty, List, Tag } from 'antd';
import { consultationPaths } from '@shared/consultation/paths';
import type { PortalCouncil } from '@shared/consultation/council-responses';
import { useGet } from '../../../app/query';
import { PageHeading, useDocumentTitle } from '../../../app/ui/PageTitle';
import { usePortalCommittee } from '../../portal/useCommittee';

/** 基层协商: the councils whose result the committee published, newest first; their agreed items and how far they are. */
export default function PortalCouncilsPage() {
  useDocumentTitle('基层协商', '政协公开门户');
  const { id: committeeId } = usePortalCommittee();
  const { data, isFetching } = useGet<{ items: PortalCouncil[] }>(consultationPaths.portalCouncils, { committeeId: committeeId ?? '' }, { enabled: !!committeeId });
  return (
    <Card title={<PageHeading>基层协商</PageHeading>}>
      <List
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无公示的基层协商成果" /> }}
        renderItem={(c) => (
          <List.Item data-testid="portal-council">
            <List.Item.Meta
              title={<><Link to={`/portal/councils/${c.id}?c=${committeeId}`}>{c.topic}</Link> <Tag>{c.statusLabel}</Tag></>}
              description={`${[c.organizer, c.day].filter(Boolean).join(' · ')} · 议定事项 ${c.items.filter((i) => i.status === 'done').length}/${c.items.length} 已落实`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
