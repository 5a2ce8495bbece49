import { useState } from 'react';
import { Button, Empty, List, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { jointPaths } from '@shared/joint/paths';
import type { JointList } from '@shared/joint/responses';
import { formatTime } from '../../../app/forms';
import { PageCard } from '../../../app/ui/PageCard';
import { useGet } from '../../../app/query';
import { JointForm } from '../JointForm';

/** 联合视察调研: the committee's joint inspections and research with its districts, newest first (a list that reads on a phone too). */
export default function JointListPage() {
  const { data, isPending } = useGet<JointList>(jointPaths.list);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  return (
    <PageCard title="联合视察调研" extra={data?.canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>组织联合视察调研</Button>}>
      <List
        loading={isPending}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="尚未组织联合视察调研" /> }}
        renderItem={(x) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/joint/activities/${x.id}`}>{x.title}</Link>}
              description={
                <Typography.Text type="secondary">
                  <Tag>{x.kindLabel}</Tag>{formatTime(x.startsAt)} {x.location} · {x.districts}个区 · 邀请{x.invited}人 · 签到{x.checkedIn}人 <Tag>{x.statusLabel}</Tag>
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      <JointForm open={creating} onClose={() => setCreating(false)} onSaved={(id) => { setCreating(false); navigate(`/joint/activities/${id}`); }} />
    </PageCard>
  );
}
