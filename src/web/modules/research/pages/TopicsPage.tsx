import { useState } from 'react';
import { Button, Flex, Form, Input, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { reportStates, researchForms } from '@shared/research/labels';
import { researchPaths } from '@shared/research/paths';
import type { TopicDetail, TopicList } from '@shared/research/responses';
import { api } from '../../../app/api';
import { can, toBody } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { FormModal } from '../../../app/ui/FormModal';
import { PageCard } from '../../../app/ui/PageCard';
import { TopicCards } from '../TopicCards';
import { useResearchOptions } from '../useOptions';

/**
 * 调研课题: the year's research and inspection topics; the office enters new ones. The cockpit's charts
 * open it filtered to what a bar counts (a year, a report state, a form), kept in the address.
 */
export default function TopicsPage() {
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? undefined;
  const status = params.get('status') ?? undefined;
  const form = params.get('form') ?? undefined;
  const filter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const query = { ...(year ? { year } : {}), ...(status ? { status } : {}), ...(form ? { form } : {}) };
  const { data, isFetching } = useGet<TopicList>(researchPaths.topics, query, { keepPrevious: true });
  const options = useResearchOptions();
  return (
    <PageCard
      title="调研课题"
      extra={
        <>
          <Select allowClear placeholder="报告状态" aria-label="报告状态" style={{ width: 130 }} value={status} onChange={(v) => filter('status', v)} options={Object.entries(reportStates).map(([value, label]) => ({ value, label }))} />
          {can(data, 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="topic-add">新建课题</Button>}
        </>
      }
    >
      {(year || form) && (
        <Flex wrap gap={4} style={{ marginBottom: 12 }} data-testid="topic-filters">
          {year && <Tag>{year}年度</Tag>}
          {form && <Tag>形式：{researchForms[form as keyof typeof researchForms] ?? form}</Tag>}
          <Tag>共 {data?.items.length ?? 0} 个</Tag>
          <Button size="small" type="link" onClick={() => setParams({}, { replace: true })}>清除筛选</Button>
        </Flex>
      )}
      <TopicCards rows={data?.items} loading={isFetching && !data} empty="本年度尚无调研课题" />
      <FormModal<TopicDetail>
        name="researchTopic"
        open={adding}
        title="新建调研课题"
        initialValues={{ source: 'office', form: 'research' }}
        save={(v) => api.post(researchPaths.topics, toBody(v))}
        onSaved={(t) => { setAdding(false); navigate(`/research/topics/${t.id}`); }}
        onClose={() => setAdding(false)}
      >
        <Form.Item name="title" label="课题名称" rules={[{ required: true, min: 4, max: 60 }]}><Input /></Form.Item>
        <Form.Item name="source" label="课题来源" rules={[{ required: true }]}>
          <Select options={options?.sources.map((s) => ({ value: s.key, label: s.label }))} />
        </Form.Item>
        <Form.Item name="form" label="形式" rules={[{ required: true }]}>
          <Select options={options?.forms.map((s) => ({ value: s.key, label: s.label }))} />
        </Form.Item>
        <Form.Item name="specialCommitteeId" label="牵头专委会">
          <Select allowClear options={options?.specialCommittees.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="reason" label="立项理由" rules={[{ required: true, min: 10, max: 2000 }]}><Input.TextArea rows={4} /></Form.Item>
      </FormModal>
    </PageCard>
  );
}
