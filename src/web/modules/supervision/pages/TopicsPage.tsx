import { useState } from 'react';
import { Button, Card, Collapse, Flex, Form, Input, InputNumber, List, Select, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { topicInput } from '@shared/supervision/inputs';
import { topicSources } from '@shared/supervision/labels';
import { supervisionPaths } from '@shared/supervision/paths';
import type { FrequentProposal, FrequentTopics, SupervisionGroup, SupervisionTopic } from '@shared/supervision/responses';
import { api } from '../../../app/api';
import { can } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { fieldRules } from '../../../app/rules';
import { FormModal } from '../../../app/ui/FormModal';
import { PageCard } from '../../../app/ui/PageCard';
import { GuardedButton } from '../../../app/ui/GuardedButton';
import { ActivityList } from '../GroupActivities';

const rules = fieldRules(topicInput);
const thisYear = new Date().getFullYear();

type Draft = { title: string; source: string; sourceProposalIds: string[]; proposals: FrequentProposal[] };

/** One frequent topic: its proposals (those already behind a topic marked) and the button that turns the rest into a topic. */
function Frequent({ label, count, proposals, onTurn }: { label: string; count: number; proposals: FrequentProposal[]; onTurn(): void }) {
  const open = proposals.filter((p) => !p.inTopic);
  return (
    <Card size="small" data-testid="frequent-topic" title={<span style={{ whiteSpace: 'normal' }}>{label}</span>} extra={<Tag color="red">{count}件提案</Tag>}>
      <Collapse ghost size="small" items={[{ key: 'p', label: '来源提案', children: proposals.map((p) => <div key={p.id}><Link to={`/proposals/${p.id}`}>{p.title}</Link>{p.inTopic && <Tag style={{ marginLeft: 4 }}>已转化</Tag>}</div>) }]} />
      <GuardedButton type="primary" size="small" why={open.length === 0 && '这些提案均已转化为监督议题'} onClick={onTurn} data-testid="frequent-turn">
        转为监督议题
      </GuardedButton>
    </Card>
  );
}

/** 监督议题: the year's topics and, for the office, the most frequent proposal topics to turn into one. */
export default function TopicsPage() {
  const [year, setYear] = useState(thisYear);
  const { data } = useGet<{ items: SupervisionTopic[]; actions: string[] }>(supervisionPaths.topics, { year });
  const { data: frequent } = useGet<FrequentTopics>(supervisionPaths.frequentTopics, { year }, { enabled: can(data, 'frequent') });
  const { data: groups } = useGet<{ items: SupervisionGroup[] }>(supervisionPaths.groups);
  const [draft, setDraft] = useState<Draft | null>(null);
  const turn = (title: string, proposals: FrequentProposal[]) => {
    const open = proposals.filter((p) => !p.inTopic);
    setDraft({ title, source: 'proposals', sourceProposalIds: open.map((p) => p.id), proposals: open });
  };

  return (
    <Flex vertical gap={16}>
      <PageCard
        title="监督议题"
        extra={
          <>
            <InputNumber aria-label="年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
            {can(data, 'create') && <Button icon={<PlusOutlined />} onClick={() => setDraft({ title: '', source: 'plan', sourceProposalIds: [], proposals: [] })} data-testid="topic-new">新建议题</Button>}
          </>
        }
      >
        <List
          dataSource={data?.items ?? []}
          locale={{ emptyText: '本年度尚无监督议题' }}
          renderItem={(t) => (
            <List.Item data-testid="topic-row">
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <span style={{ fontWeight: 600 }}>{t.title}</span>
                <span><Tag>{t.sourceLabel}</Tag>{t.groupName && <Tag color="blue">{t.groupName}</Tag>}</span>
                {t.proposals.length > 0 && <Typography.Text type="secondary">来源提案：{t.proposals.map((p) => p.title).join('；')}</Typography.Text>}
                {t.activities.length > 0 && <ActivityList items={t.activities} />}
              </Flex>
            </List.Item>
          )}
        />
      </PageCard>
      {frequent && (
        <PageCard title={`${frequent.year}年高频提案议题（共${frequent.total}件提案）`} level={2}>
          <Tabs
            items={[
              { key: 'category', label: '按类别', children: <List grid={{ gutter: 12, xs: 1, md: 2, xl: 3 }} dataSource={frequent.byCategory} renderItem={(c) => <List.Item><Frequent label={c.category} count={c.count} proposals={c.proposals} onTurn={() => turn(`${c.category}领域提案反映问题民主监督`, c.proposals)} /></List.Item>} /> },
              { key: 'similar', label: '按相似问题', children: <List grid={{ gutter: 12, xs: 1, md: 2, xl: 3 }} locale={{ emptyText: '本年度没有反映同一问题的提案组' }} dataSource={frequent.bySimilarity} renderItem={(g) => <List.Item><Frequent label={g.title} count={g.count} proposals={g.proposals} onTurn={() => turn(g.title.replace(/^关于/, '').replace(/的建议$/, '') + '民主监督', g.proposals)} /></List.Item>} /> },
            ]}
          />
        </PageCard>
      )}
      <FormModal
        name="topic"
        open={draft !== null}
        title="新建监督议题"
        initialValues={draft ? { year, title: draft.title, source: draft.source, sourceProposalIds: draft.sourceProposalIds } : undefined}
        save={(v) => api.post(supervisionPaths.topics, { ...v, sourceProposalIds: draft?.sourceProposalIds ?? [] })}
        onSaved={() => setDraft(null)}
        onClose={() => setDraft(null)}
        success="已建立监督议题"
      >
        <Form.Item name="year" label="年度" rules={rules.year}><InputNumber min={2000} max={2100} /></Form.Item>
        <Form.Item name="title" label="议题名称" rules={rules.title}><Input data-testid="topic-title" /></Form.Item>
        <Form.Item name="source" label="议题来源" rules={rules.source}>
          <Select options={Object.entries(topicSources).map(([value, label]) => ({ value, label, disabled: value === 'proposals' && !draft?.proposals.length }))} />
        </Form.Item>
        <Form.Item name="groupId" label="承担小组" rules={rules.groupId}>
          <Select allowClear options={(groups?.items ?? []).map((g) => ({ value: g.id, label: g.name }))} data-testid="topic-group" />
        </Form.Item>
        <Form.Item name="description" label="议题说明" rules={rules.description}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
        {draft && draft.proposals.length > 0 && <Typography.Paragraph type="secondary">关联来源提案 {draft.proposals.length} 件：{draft.proposals.map((p) => p.title).join('；')}</Typography.Paragraph>}
      </FormModal>
    </Flex>
  );
}
