import { useState } from 'react';
import { GuardedButton } from '../../../app/ui/GuardedButton';
import { Badge, Button, List, Segmented, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { notificationPaths } from '@shared/notifications/paths';
import type { Notice, NoticeList } from '@shared/notifications/responses';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { formatTime } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { LinkButton } from '../../../app/ui/LinkButton';

/** 消息: a person's notices; opening one marks it read and follows its link. Marking read is a write, so the list and the bell refetch. */
export default function MessagesPage() {
  const navigate = useNavigate();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const { data, isFetching: loading } = useGet<NoticeList>(notificationPaths.list, { unread: onlyUnread ? 1 : undefined });
  const markRead = (n: Notice) => run(() => api.post(pathTo(notificationPaths.read, { id: n.id })));
  const open = async (n: Notice) => {
    if (!n.readAt) await markRead(n);
    if (n.link) {
      if (/^https?:\/\//.test(n.link)) window.open(n.link, '_blank', 'noopener');
      else navigate(n.link);
    }
  };

  return (
    <PageCard
      title={`消息${data?.unread ? `（${data.unread} 条未读）` : ''}`}
      extra={
        <>
          <Segmented value={onlyUnread ? 'unread' : 'all'} onChange={(v) => setOnlyUnread(v === 'unread')} options={[{ value: 'all', label: '全部' }, { value: 'unread', label: '未读' }]} />
          <Button onClick={() => navigate('/messages/settings')} data-testid="notice-settings-open">
            接收设置
          </Button>
          <GuardedButton why={!data?.unread ? '没有未读消息' : null} onClick={() => run(() => api.post(notificationPaths.readAll), { success: '已全部标为已读' })}>
            全部标为已读
          </GuardedButton>
        </>
      }
    >
      <List<Notice>
        loading={loading}
        dataSource={data?.items}
        locale={{ emptyText: onlyUnread ? '没有未读消息' : '暂无消息' }}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: n.link ? 'pointer' : undefined }}
            onClick={() => void open(n)}
            actions={n.readAt ? [] : [<LinkButton key="read" onClick={(e) => (e.stopPropagation(), void markRead(n))}>标为已读</LinkButton>]}
          >
            <List.Item.Meta
              title={
                <Badge dot={!n.readAt} offset={[6, 0]}>
                  <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                </Badge>
              }
              description={
                <>
                  {n.body && <div>{n.body}</div>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(n.createdAt)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </PageCard>
  );
}
