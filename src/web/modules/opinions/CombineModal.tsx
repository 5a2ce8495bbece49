import { useEffect, useState } from 'react';
import { Form, Input, Select, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { combineBody } from '@shared/opinions/inputs';
import { opinionPaths } from '@shared/opinions/paths';
import type { OpinionDetail, OpinionRow } from '@shared/opinions/responses';
import { api } from '../../app/api';
import { fieldRules } from '../../app/rules';
import { FormModal } from '../../app/ui/FormModal';
import { useOpinionOptions } from './useOptions';

const rules = fieldRules(combineBody);

/**
 * 综合: several waiting reports on one problem become one, written by the office. The form starts
 * from the sources' texts; the sources keep pointing at the new report and their authors keep credit.
 */
export function CombineModal({ open, sources, onClose, onSaved }: { open: boolean; sources: OpinionRow[]; onClose(): void; onSaved(o: OpinionDetail): void }) {
  const options = useOpinionOptions();
  const [initial, setInitial] = useState<object>();
  useEffect(() => {
    if (!open || sources.length < 2) return;
    void Promise.all(sources.map((s) => api.get<OpinionDetail>(pathTo(opinionPaths.detail, { id: s.id })))).then((details) =>
      setInitial({ title: details[0].title, category: details[0].category, body: details.map((d) => `【${d.authorText}】${d.body}`).join('\n') }),
    );
  }, [open, sources]);
  const max = options?.maxLength ?? 1500;

  return (
    <FormModal<OpinionDetail>
      open={open}
      title={`综合 ${sources.length} 篇信息`}
      width={760}
      initialValues={initial}
      success="已综合"
      onClose={onClose}
      onSaved={onSaved}
      save={(v) => api.post(opinionPaths.combine, { ...v, ids: sources.map((s) => s.id), versions: Object.fromEntries(sources.map((s) => [s.id, s.version])) })}
    >
      <Typography.Paragraph type="secondary">被综合：{sources.map((s) => `${s.title}（${s.authorText}）`).join('；')}</Typography.Paragraph>
      <Form.Item name="title" label="综合标题" rules={rules.title}>
        <Input />
      </Form.Item>
      <Form.Item name="category" label="类别" rules={rules.category}>
        <Select options={(options?.categories ?? []).map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item name="body" label={`正文（不超过 ${max} 字）`} rules={rules.body}>
        <Input.TextArea rows={12} showCount={{ formatter: ({ count }) => `${count} / ${max}` }} />
      </Form.Item>
    </FormModal>
  );
}
