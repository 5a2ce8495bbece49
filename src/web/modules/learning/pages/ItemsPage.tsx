import { useState } from 'react';
import { Button, Empty, List, Skeleton } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { learningPaths } from '@shared/learning/paths';
import type { ItemList, ItemRow } from '@shared/learning/responses';
import { can } from '../../../app/forms';
import { refetch, useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { ItemCard } from '../ItemCard';
import { ItemForm } from '../ItemForm';
import { useNavigate } from 'react-router';

/** 每日一学 as the keeping offices see it: every item newest first, with how many learned it; 起草 opens the form. */
export default function ItemsPage() {
  const { data, isPending } = useGet<ItemList>(learningPaths.items);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  if (isPending && !data) return <Skeleton active />;
  if (!data) return <Empty description="无法读取每日一学" />;
  return (
    <PageCard title="每日一学" extra={can(data, 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="learning-item-new">起草</Button>}>
      <List dataSource={data.items} locale={{ emptyText: '尚无每日一学' }} split={false}
        renderItem={(i) => <List.Item key={i.id} style={{ padding: '4px 0' }}><ItemCard item={i} onDone={() => refetch(learningPaths.items)} /></List.Item>} />
      <ItemForm open={creating} onClose={() => setCreating(false)} onSaved={(i: ItemRow) => { setCreating(false); refetch(learningPaths.items); navigate(`/learning/items/${i.id}`); }} />
    </PageCard>
  );
}
