import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { learningPaths } from '@shared/learning/paths';
import type { GroupList } from '@shared/learning/responses';
import { can } from '../../../app/forms';
import { refetch, useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { GroupForm } from '../GroupForm';

/** 书香政协: the reading groups (every group for the keeping offices), newest first; 新建 opens the form. */
export default function GroupsPage() {
  const { data, isPending } = useGet<GroupList>(learningPaths.groups);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  if (isPending && !data) return <Skeleton active />;
  if (!data) return <Empty description="无法读取读书小组" />;
  return (
    <PageCard title="书香政协" extra={can(data, 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="learning-group-new">新建读书小组</Button>}>
      <List dataSource={data.items} locale={{ emptyText: '尚无读书小组' }} split={false}
        renderItem={(g) => (
          <List.Item key={g.id} style={{ padding: '4px 0' }}>
            <Card size="small" style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8}>
                <Link to={`/learning/groups/${g.id}`} style={{ fontWeight: 600 }}>{g.name}</Link>
                <Tag color={g.status === 'open' ? 'green' : 'default'}>{g.statusLabel}</Tag>
              </Flex>
              <Typography.Text>《{g.bookTitle}》</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>{g.startsOn} 至 {g.endsOn} · {g.memberCount} 人 · 打卡 {g.checkinCount} 次</Typography.Text>
            </Card>
          </List.Item>
        )} />
      <GroupForm open={creating} onClose={() => setCreating(false)} onSaved={(g) => { setCreating(false); refetch(learningPaths.groups); navigate(`/learning/groups/${g.id}`); }} />
    </PageCard>
  );
}
