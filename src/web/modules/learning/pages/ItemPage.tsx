import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, Collapse, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { learningPaths } from '@shared/learning/paths';
import type { ItemDetail } from '@shared/learning/responses';
import { api } from '../../../app/api';
import { can } from '../../../app/forms';
import { run } from '../../../app/errors';
import { refetch, useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { usePageTitle } from '../../../app/ui/PageTitle';
import { LearnButton } from '../ItemCard';
import { ItemForm } from '../ItemForm';

const names = (people: { name: string }[]) => (people.length ? people.map((p) => p.name).join('、') : '无');

/** One 每日一学: the text, its source and link, 已学 for members; for the keeping offices publish / withdraw / edit and who learned it. */
export default function ItemPage() {
  const { id } = useParams();
  const path = pathTo(learningPaths.item, { id: id! });
  const { data: item, isPending } = useGet<ItemDetail>(path);
  // each one's page has its own title, not the list's
  usePageTitle(item?.title);
  const [editing, setEditing] = useState(false);
  if (isPending && !item) return <Skeleton active />;
  if (!item) return <Empty description="每日一学不存在或无权查看" />;
  const again = () => { refetch(path); refetch(learningPaths.mine); refetch(learningPaths.items); };
  const act = (action: 'publish' | 'withdraw', done: string) =>
    run(() => api.post(pathTo(learningPaths.itemAction, { id: item.id, action }), { version: item.version }), { success: done, onConflict: again }).then((r) => r && again());
  return (
    <PageCard title={item.title} extra={
      <>
        {can(item, 'update') && <Button onClick={() => setEditing(true)} data-testid="learning-item-edit">修改</Button>}
        {can(item, 'publish') && <Button type="primary" onClick={() => act('publish', '已发布，已通知委员')} data-testid="learning-item-publish">发布</Button>}
        {can(item, 'withdraw') && <Button danger onClick={() => act('withdraw', '已撤回')} data-testid="learning-item-withdraw">撤回</Button>}
      </>
    }>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{item.forDate} · 出处：{item.source} {item.status !== 'published' && <Tag>{item.statusLabel}</Tag>}</Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 16, lineHeight: 1.8 }} data-testid="learning-item-body">{item.body}</Typography.Paragraph>
        {item.link && <Typography.Link href={item.link} target="_blank" rel="noopener noreferrer">阅读原文</Typography.Link>}
        <Flex justify="end"><LearnButton item={item} onDone={again} /></Flex>
        {item.figures && (
          <>
            <Typography.Title level={2} style={{ fontSize: 16 }}>学习情况</Typography.Title>
            <Typography.Text data-testid="learning-figures">委员 {item.figures.members} 人：已学 {item.figures.learned} 人，未学 {item.figures.notLearned} 人</Typography.Text>
            <Collapse size="small" items={[
              { key: 'learned', label: `已学（${item.figures.learned}）`, children: <Typography.Paragraph style={{ margin: 0 }}>{names(item.learnedBy ?? [])}</Typography.Paragraph> },
              { key: 'not', label: `未学（${item.figures.notLearned}）`, children: <Typography.Paragraph style={{ margin: 0 }}>{names(item.notLearnedBy ?? [])}</Typography.Paragraph> },
            ]} />
          </>
        )}
      </Flex>
      {can(item, 'update') && <ItemForm item={item} open={editing} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); again(); }} />}
    </PageCard>
  );
}
