import { Form, Input, Select } from 'antd';
import { suggestionDraft } from '@shared/supervision/inputs';
import { supervisionPaths } from '@shared/supervision/paths';
import { pathTo } from '@shared/http/paths';
import type { SuggestionDetail, SupervisionGroup, SupervisionTopic } from '@shared/supervision/responses';
import { api } from '../../app/api';
import { useGet } from '../../app/query';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';

const rules = fieldRules(suggestionDraft);

/** 起草/修改监督建议: the group, the topic it belongs to, what the group found and what it asks. */
export function SuggestionForm({ open, draft, onClose, onSaved }: { open: boolean; draft: SuggestionDetail | null; onClose(): void; onSaved(s: SuggestionDetail): void }) {
  const { data: groups } = useGet<{ items: SupervisionGroup[] }>(supervisionPaths.groups, undefined, { enabled: open });
  const { data: topics } = useGet<{ items: SupervisionTopic[] }>(supervisionPaths.topics, undefined, { enabled: open });
  const mine = (groups?.items ?? []).filter((g) => g.mine || g.actions.includes('update'));
  const save = (v: Record<string, any>) =>
    draft
      ? api.patch<SuggestionDetail>(pathTo(supervisionPaths.detail, { id: draft.id }), { ...v, topicId: v.topicId ?? null, version: draft.version })
      : api.post<SuggestionDetail>(supervisionPaths.suggestions, { ...v, topicId: v.topicId ?? null });
  return (
    <FormModal
      name="suggestion"
      open={open}
      title={draft ? '修改监督建议' : '起草监督建议'}
      width={720}
      initialValues={draft ? { groupId: draft.groupId, topicId: draft.topicId, title: draft.title, findings: draft.findings, recommendations: draft.recommendations } : mine.length === 1 ? { groupId: mine[0].id } : undefined}
      save={save}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item name="groupId" label="监督小组" rules={rules.groupId}>
        <Select options={mine.map((g) => ({ value: g.id, label: g.name }))} data-testid="suggestion-group" />
      </Form.Item>
      <Form.Item name="topicId" label="监督议题" rules={rules.topicId}>
        <Select allowClear options={(topics?.items ?? []).map((t) => ({ value: t.id, label: `${t.year} ${t.title}` }))} data-testid="suggestion-topic" />
      </Form.Item>
      <Form.Item name="title" label="标题" rules={rules.title}>
        <Input placeholder="关于……的监督建议" data-testid="suggestion-title" />
      </Form.Item>
      <Form.Item name="findings" label="发现的问题" rules={rules.findings}>
        <Input.TextArea autoSize={{ minRows: 4 }} data-testid="suggestion-findings" />
      </Form.Item>
      <Form.Item name="recommendations" label="意见建议" rules={rules.recommendations}>
        <Input.TextArea autoSize={{ minRows: 4 }} data-testid="suggestion-recommendations" />
      </Form.Item>
    </FormModal>
  );
}
