import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { notificationPaths } from '@shared/notifications/paths';
import type { NoticeList } from '@shared/notifications/responses';
import { useGet } from './query';

/**
 * Unread count, polled every 60 s; marking messages read is a write, so the count refetches at
 * once. A missed poll stays quiet and is retried in a minute. A click opens 消息.
 */
export function NotificationBell() {
  const navigate = useNavigate();
  const { data } = useGet<NoticeList>(notificationPaths.list, { unread: 1 }, { quiet: true, every: 60_000 });
  const unread = data?.unread ?? 0;

  return (
    <Tooltip title={unread ? `${unread} 条未读消息` : '消息'}>
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button type="text" aria-label="消息" icon={<BellOutlined style={{ fontSize: 18 }} />} onClick={() => navigate('/messages')} />
      </Badge>
    </Tooltip>
  );
}
