import { Form, Input, Select, Typography } from 'antd';
import { topicDraft } from '@shared/consultation/inputs';
import { consultationPaths } from '@shared/consultation/paths';
import type { SimilarAnswer, TopicDetail } from '@shared/consultation/responses';
import { api } from '../../app/api';
import { useGet } from '../../app/query';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';
import type { ConsultationOptions } from './useOptions';

const rules = fieldRules(topicDraft);

/** Earlier topics, planned consultations and proposals on the same issue, shown while writing. */
function Similar({ text }: { text: string }) {
  const { data } = useGet<SimilarAnswer>(consultationPaths.similar, { text, limit: 5 }, { enabled: [...text].length >= 4, quiet: true, keepPrevious: true });
  const rows = [...(data?.topics ?? []).map((t) => ({ ...t, what: t.kind === 'consultation' ? '协商' : '选题' })), ...(data?.proposals ?? []).map((p) => ({ ...p, what: '提案' }))];
  if (!rows.length) return null;
  return (
    <div data-testid="topic-similar" style={{ background: '#fafafa', padding: 8, borderRadius: 6 }}>
      <Typography.Text strong>相似的往年议题与提案</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
        {rows.slice(0, 6).map((r) => (
          <li key={r.id}>
            【{r.what}】{r.title}（{r.year}年 · {r.detail} · 相似度 {Math.round(r.score * 100)}%）
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The fields, inside the dialog's form so they follow what is typed (source, title). */
function TopicFields({ options }: { options: ConsultationOptions | undefined }) {
  const title = (Form.useWatch('title') as string | undefined) ?? '';
  const source = Form.useWatch('source') as string | undefined;
  const sources = options?.sources ?? [];
  return (
    <>
      <Form.Item name="source" label="选题来源" rules={rules.source} hidden={sources.length <= 1}>
        <Select options={sources.map((s) => ({ value: s.key, label: s.label }))} data-testid="topic-source" />
      </Form.Item>
      {source === 'committee' && (
        <Form.Item name="specialCommitteeId" label="提出的专委会" rules={[{ required: true, message: '请选择提出的专委会' }]}>
          <Select options={(options?.specialCommittees ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
      )}
      {(source === 'party' || source === 'public') && (
        <Form.Item name="proposerName" label={source === 'party' ? '点题单位' : '提出人或来源'} rules={[{ required: true, message: '请填写' }]}>
          <Input placeholder={source === 'party' ? '如：区委办公室、区政府办公室' : '如：群众来信（某街道居民）'} />
        </Form.Item>
      )}
      <Form.Item name="title" label="议题名称" rules={rules.title}>
        <Input placeholder="关于……的协商" data-testid="topic-title" />
      </Form.Item>
      <Form.Item name="reason" label="选题理由" rules={rules.reason}>
        <Input.TextArea rows={5} placeholder="为什么值得协商：现状、问题、群众关切" data-testid="topic-reason" />
      </Form.Item>
      <Similar text={title} />
    </>
  );
}

/**
 * 提出协商选题: a member suggests (委员荐题); the office enters 党政点题 (with the setting body),
 * 政协选题 (with the special committee) and 群众出题 it collected. Similar earlier topics show below.
 */
export function TopicForm({ open, options, onClose, onSaved }: { open: boolean; options: ConsultationOptions | undefined; onClose(): void; onSaved(t: TopicDetail): void }) {
  return (
    <FormModal<TopicDetail>
      name="topic"
      open={open}
      title="提出协商选题"
      initialValues={{ source: options?.sources[0]?.key }}
      save={(v) => api.post<TopicDetail>(consultationPaths.topics, v)}
      onSaved={onSaved}
      onClose={onClose}
      success="选题已提交"
    >
      <TopicFields options={options} />
    </FormModal>
  );
}
