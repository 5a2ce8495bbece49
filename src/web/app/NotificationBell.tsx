import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { api } from './api';
import type { Notice } from './types';

const CHANGED = 'shangliang:notices-changed';
/** Tell the bell to recount now (after marking messages read). */
export const noticesChanged = () => window.dispatchEvent(new Event(CHANGED));

/** Unread count, polled every 60 s and on demand; a click opens 消息. */
export function NotificationBell() {
  const [unread, setUnread] = useState(0);
  const navigate = useNavigate();

  const refresh = useCallback(() => {
    api
      .get<{ items: Notice[]; unread: number }>('/notifications?unread=1')
      .then((r) => setUnread(r.unread))
      .catch(() => undefined); // a missed poll is retried in a minute
  }, []);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, 60_000);
    window.addEventListener(CHANGED, refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, refresh);
    };
  }, [refresh]);

  return (
    <Tooltip title={unread ? `${unread} 条未读消息` : '消息'}>
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button type="text" aria-label="消息" icon={<BellOutlined style={{ fontSize: 18 }} />} onClick={() => navigate('/messages')} />
      </Badge>
    </Tooltip>
  );
}
