import { useState } from 'react';
import { Button, Card, Empty, Flex, Form, Input, List, Popconfirm, Select, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { pathTo } from '@shared/http/paths';
import { listLink } from '@shared/cockpit/cockpit';
import { topicInput, topicPaths, type TopicList, type TopicRow } from '@shared/proposals/topics';
import { api } from '../../../app/api';
import { run } from '../../../app/errors';
import { useGet } from '../../../app/query';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';
import { PageCard } from '../../../app/ui/PageCard';
import { useOrgOptions } from '../../org/useOrgOptions';

const rules = fieldRules(topicInput);
const color: Record<string, string> = { draft: 'orange', published: 'green', withdrawn: 'default' };

/**
 * 提案参考选题: the proposal office drafts the year's topics (title, explanation, category, the unit
 * it concerns), publishes the list in one step, and sees how many proposals each drew (each figure
 * opens those proposals). Leaders follow the list; members see the published topics on the form.
 */
export default function TopicsPage() {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year')) || undefined;
  const { data, isFetching } = useGet<TopicList>(topicPaths.list, asked ? { year: asked } : undefined, { keepPrevious: true });
  const { options: org } = useOrgOptions(['units']);
  const [editing, setEditing] = useState<TopicRow | 'new' | null>(null);
  const year = data?.year;
  const mayCreate = !!data?.actions.includes('create');
  const drafts = data?.items.filter((t) => t.status === 'draft').length ?? 0;
  const years = year ? [year - 2, year - 1, year, year + 1].map((y) => ({ value: y, label: `${y}年度` })) : [];
  const act = (t: TopicRow, action: 'publish' | 'withdraw') =>
    run(() => api.post(pathTo(topicPaths[action], { id: t.id }), { version: t.version }), { success: action === 'publish' ? '已发布' : '已撤回' });
  const publishAll = () => run(() => api.post(topicPaths.publishYear, { year }), { success: `已发布${year}年度提案参考选题` });
  const cited = (t: TopicRow) => listLink('/proposals/all', { session: 'all', year: t.year, historical: 0, topicId: t.id });

  return (
    <PageCard
      title="提案参考选题"
      extra={
        <>
          <Select aria-label="年度" value={year} options={years} style={{ width: 120 }} onChange={(y: number) => setParams({ year: String(y) })} />
          {mayCreate && (
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="topic-new">
              拟定选题
            </Button>
          )}
          {mayCreate && drafts > 0 && (
            <Popconfirm title={`发布后委员撰写提案时和公开门户上即可看到，确定发布${drafts}个选题？`} onConfirm={() => void publishAll()}>
              <Button type="primary" data-testid="topics-publish-all">发布本年度选题</Button>
            </Popconfirm>
          )}
        </>
      }
    >
      {data && (
        <Typography.Paragraph data-testid="topics-summary">
          {data.year}年度：共 {data.items.length} 个选题，已发布 {data.published} 个，其中 {data.taken} 个已有提案选用{drafts ? `；${drafts} 个草稿待发布` : ''}。
        </Typography.Paragraph>
      )}
      {data && !data.items.length ? (
        <Empty description="本年度尚未拟定参考选题" />
      ) : (
        <List
          loading={isFetching && !data}
          dataSource={data?.items ?? []}
          renderItem={(t) => (
            <List.Item style={{ padding: '6px 0' }}>
              <Card size="small" style={{ width: '100%' }} data-testid="topic-card">
                <Flex vertical gap={4}>
                  <Typography.Text strong style={{ whiteSpace: 'normal' }}>{t.serial}. {t.title}</Typography.Text>
                  <Flex wrap gap={4}>
                    <Tag color={color[t.status]}>{t.statusLabel}</Tag>
                    <Tag>{t.category}</Tag>
                    {t.unitName && <Tag>{t.unitName}</Tag>}
                  </Flex>
                  {t.explanation && <span style={{ wordBreak: 'break-word' }}>{t.explanation}</span>}
                  <Flex wrap gap={8} align="center">
                    {t.cited > 0 ? <Link to={cited(t)} data-testid="topic-cited">选用提案 {t.cited} 件</Link> : <Typography.Text type="secondary">尚无提案选用</Typography.Text>}
                    {t.actions.includes('update') && <Button size="small" onClick={() => setEditing(t)}>修改</Button>}
                    {t.actions.includes('publish') && <Button size="small" onClick={() => void act(t, 'publish')}>发布</Button>}
                    {t.actions.includes('withdraw') && (
                      <Popconfirm title="撤回后委员和公众将看不到此选题（已选用的提案不受影响），确定撤回？" onConfirm={() => void act(t, 'withdraw')}>
                        <Button size="small">撤回</Button>
                      </Popconfirm>
                    )}
                  </Flex>
                </Flex>
              </Card>
            </List.Item>
          )}
        />
      )}
      <FormModal
        name="topic"
        open={editing !== null}
        title={editing === 'new' ? `拟定${year ?? ''}年度参考选题` : '修改参考选题'}
        initialValues={editing && editing !== 'new' ? { title: editing.title, explanation: editing.explanation, category: editing.category, unitId: editing.unitId } : { explanation: '' }}
        save={(v) => (editing && editing !== 'new' ? api.patch(pathTo(topicPaths.topic, { id: editing.id }), { ...v, unitId: v.unitId ?? null, version: editing.version }) : api.post(topicPaths.list, { ...v, unitId: v.unitId ?? null, year }))}
        onSaved={() => setEditing(null)}
        onClose={() => setEditing(null)}
      >
        <Form.Item name="title" label="选题" rules={rules.title} extra="例如：推进老旧小区改造和加装电梯">
          <Input maxLength={60} showCount data-testid="topic-title" />
        </Form.Item>
        <Form.Item name="explanation" label="选题说明" rules={rules.explanation}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} data-testid="topic-explanation" />
        </Form.Item>
        <Form.Item name="category" label="类别" rules={rules.category}>
          <Select showSearch options={(data?.categories ?? []).map((c) => ({ value: c, label: c }))} data-testid="topic-category" />
        </Form.Item>
        <Form.Item name="unitId" label="涉及单位（可选）" rules={rules.unitId}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={org.units} />
        </Form.Item>
      </FormModal>
    </PageCard>
  );
}
