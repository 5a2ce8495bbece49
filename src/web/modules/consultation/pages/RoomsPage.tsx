import { useState } from 'react';
import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { consultationPaths } from '@shared/consultation/paths';
import type { RoomRow } from '@shared/consultation/room-responses';
import { can, formatTime } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { RoomForm } from '../rooms/RoomForm';

export const phaseColor: Record<string, string> = { upcoming: 'default', open: 'green', closed: 'orange', summarized: 'blue' };

/** 网络议政: the committee's online rooms, open ones first; the office opens new ones. Cards, for a phone. */
export default function RoomsPage() {
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  const { data, isFetching } = useGet<{ items: RoomRow[]; actions: string[] }>(consultationPaths.rooms);
  return (
    <PageCard
      title="网络议政"
      extra={can(data, 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="room-create">开设议政室</Button>}
    >
      <Typography.Paragraph type="secondary">围绕年度协商计划的议题在线发言、回复、支持和投票，议政结束后由办公室形成综述，纳入协商成果。</Typography.Paragraph>
      <List
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无网络议政室" /> }}
        renderItem={(r) => (
          <List.Item data-testid="room-card">
            <List.Item.Meta
              title={<Space wrap><Link to={`/consultation/rooms/${r.id}`}>{r.title}</Link><Tag color={phaseColor[r.phase]}>{r.phaseLabel}</Tag>{r.publicAccess && <Tag>向公众开放</Tag>}{r.pendingCount > 0 && <Tag color="orange">待审核 {r.pendingCount}</Tag>}</Space>}
              description={<>
                <div>{r.consultationTitle}</div>
                <div>{formatTime(r.opensAt)} 至 {formatTime(r.closesAt)} · 发言 {r.postCount} 条</div>
              </>}
            />
          </List.Item>
        )}
      />
      <RoomForm open={opening} onClose={() => setOpening(false)} onSaved={(room) => navigate(`/consultation/rooms/${room.id}`)} />
    </PageCard>
  );
}
