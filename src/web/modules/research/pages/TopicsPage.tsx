import { useState } from 'react';
import { Button, Form, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { researchPaths } from '@shared/research/paths';
import type { TopicDetail, TopicList } from '@shared/research/responses';
import { api } from '../../../app/api';
import { can, toBody } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { FormModal } from '../../../app/ui/FormModal';
import { PageCard } from '../../../app/ui/PageCard';
import { TopicCards } from '../TopicCards';
import { useResearchOptions } from '../useOptions';

/** 调研课题: the year's research and inspection topics; the office enters new ones. */
export default function TopicsPage() {
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const { data, isFetching } = useGet<TopicList>(researchPaths.topics);
  const options = useResearchOptions();
  return (
    <PageCard
      title="调研课题"
      extra={can(data, 'create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="topic-add">新建课题</Button>}
    >
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
