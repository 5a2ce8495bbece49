import { useState } from 'react';
import { Button, DatePicker, Descriptions, Form, Input, Select, Typography } from 'antd';
import { pathTo } from '@shared/http/paths';
import { researchPaths } from '@shared/research/paths';
import type { TopicDetail } from '@shared/research/responses';
import { api } from '../../app/api';
import { can, dateRange, toBody, toForm } from '../../app/forms';
import { FormModal } from '../../app/ui/FormModal';
import { useResearchOptions } from './useOptions';

/** 调研方案: the questions, places, departments and dates; the office edits it while the report is drafted. */
export function PlanSection({ t }: { t: TopicDetail }) {
  const [editing, setEditing] = useState(false);
  const options = useResearchOptions();
  return (
    <>
      <Descriptions column={1} size="small" items={[
        { key: 'q', label: '调研提纲', children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{t.questions || '—'}</Typography.Text> },
        { key: 'p', label: '调研地点', children: t.places.join('、') || '—' },
        { key: 'u', label: '相关部门', children: t.unitNames.join('、') || '—' },
        { key: 'd', label: '时间安排', children: dateRange(t.startsOn, t.endsOn) },
      ]} />
      {can(t, 'manage') && <Button onClick={() => setEditing(true)} data-testid="plan-edit">修改调研方案</Button>}
      <FormModal
        name="researchPlan"
        open={editing}
        title="调研方案"
        initialValues={toForm({ questions: t.questions, places: t.places, unitIds: t.unitIds, startsOn: t.startsOn, endsOn: t.endsOn }, ['startsOn', 'endsOn'])}
        save={(v) => api.patch(pathTo(researchPaths.plan, { id: t.id }), { ...toBody(v), questions: v.questions ?? '', places: v.places ?? [], unitIds: v.unitIds ?? [], version: t.version })}
        onSaved={() => setEditing(false)}
        onClose={() => setEditing(false)}
      >
        <Form.Item name="questions" label="调研提纲" rules={[{ max: 3000 }]}><Input.TextArea rows={4} /></Form.Item>
        <Form.Item name="places" label="调研地点（可输入多个）"><Select mode="tags" open={false} aria-label="调研地点" /></Form.Item>
        <Form.Item name="unitIds" label="相关部门">
          <Select mode="multiple" optionFilterProp="label" options={options?.units.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item name="startsOn" label="开始日期"><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="endsOn" label="结束日期"><DatePicker style={{ width: '100%' }} /></Form.Item>
      </FormModal>
    </>
  );
}
