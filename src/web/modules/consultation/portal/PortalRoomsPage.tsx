import { Link } from 'react-router';
import { Card, Empty, List, Tag } from 'antd';
import { consultationPaths } from '@shared/consultation/paths';
import type { PortalRoom } from '@shared/consultation/room-responses';
import { formatTime } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { PageHeading, useDocumentTitle } from '../../../app/ui/PageTitle';
import { usePortalCommittee } from '../../portal/useCommittee';

/** 网络议政: the rooms a committee opened to the public, open ones first; anyone reads them, posts are moderated. */
export default function PortalRoomsPage() {
  useDocumentTitle('网络议政', '政协公开门户');
  const { id: committeeId } = usePortalCommittee();
  const { data, isFetching } = useGet<{ items: PortalRoom[] }>(consultationPaths.portalRooms, { committeeId: committeeId ?? '' }, { enabled: !!committeeId });
  return (
    <Card title={<PageHeading>网络议政</PageHeading>}>
      <List
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无向公众开放的网络议政" /> }}
        renderItem={(r) => (
          <List.Item data-testid="portal-room">
            <List.Item.Meta
              title={<><Link to={`/portal/rooms/${r.id}?c=${committeeId}`}>{r.title}</Link> <Tag color={r.phase === 'open' ? 'green' : 'default'}>{r.phaseLabel}</Tag></>}
              description={`${formatTime(r.opensAt)} 至 ${formatTime(r.closesAt)} · 发言 ${r.posts.length} 条`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
