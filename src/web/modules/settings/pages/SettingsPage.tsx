import { useEffect, useState } from 'react';
import { Alert, Button, Form, Select, Space, Tabs } from 'antd';
import dayjs from 'dayjs';
import { api, ApiError, query } from '../../../app/api';
import { namePath, showError } from '../../../app/errors';
import { feedback } from '../../../app/feedback';
import { can } from '../../../app/forms';
import { PageCard } from '../../../app/ui/PageCard';
import { useRemote } from '../../../app/useRemote';
import { editedAsJson, SchemaField, type JsonSchema } from '../SchemaField';

interface ModuleSettings {
  module: string;
  label: string;
  year: number;
  values: Record<string, unknown>;
  defaults: Record<string, unknown>;
  version: number;
  schema: JsonSchema;
  actions: string[];
}

const thisYear = dayjs().year();
const yearOptions = [{ value: 0, label: '各年度通用' }, ...[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: `仅${y}年` }))];

/** Values → form: fields the form cannot draw are edited as pretty-printed JSON. */
function toFormValues(schema: JsonSchema, values: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.properties ?? {})) out[key] = editedAsJson(field) ? JSON.stringify(values[key], null, 2) : values[key];
  return out;
}

function fromFormValues(schema: JsonSchema, values: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.properties ?? {})) {
    if (!editedAsJson(field)) out[key] = values[key];
    else {
      try {
        out[key] = JSON.parse(String(values[key]));
      } catch {
        throw new Error(`「${field.description ?? key}」不是有效的 JSON`);
      }
    }
  }
  return out;
}

function ModuleForm({ module, year }: { module: string; year: number }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const { data, reload } = useRemote(() => api.get<ModuleSettings>(`/settings/${module}${query({ year })}`), [module, year]);
  useEffect(() => {
    if (data) form.setFieldsValue(toFormValues(data.schema, data.values));
  }, [data, form]);
  if (!data) return null;
  const editable = can(data, 'update');

  const save = async () => {
    let values: Record<string, unknown>;
    try {
      values = fromFormValues(data.schema, form.getFieldsValue(true));
    } catch (err) {
      feedback.message.error((err as Error).message);
      return;
    }
    setSaving(true);
    try {
      await api.put(`/settings/${module}${query({ year })}`, { version: data.version, values });
      feedback.message.success('已保存，新规则即时生效');
      await reload();
    } catch (err) {
      // the server names each bad rule by its path under `values`
      if (err instanceof ApiError) form.setFields(err.fields.map((f) => ({ name: namePath(f.field.replace(/^values\./, '')), errors: [f.message] })));
      showError(err);
      if (err instanceof ApiError && err.code === 'version_conflict') await reload();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" disabled={!editable} style={{ maxWidth: 820 }}>
      {year !== 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`这里的规则只用于${year}年，覆盖「各年度通用」的设置。`} />}
      {Object.entries(data.schema.properties ?? {}).map(([key, field]) => (
        <SchemaField key={key} name={[key]} schema={field} label={field.description ?? key} />
      ))}
      {editable && (
        <Space>
          <Button type="primary" loading={saving} onClick={save}>
            保存
          </Button>
          <Button onClick={() => form.setFieldsValue(toFormValues(data.schema, data.defaults))}>填入默认值</Button>
        </Space>
      )}
    </Form>
  );
}

/** 系统设置: each module's rules (RULES.md), per committee and per year, drawn from the server's schemas. */
export default function SettingsPage() {
  const [year, setYear] = useState(0);
  const { data } = useRemote(() => api.get<{ items: { module: string; label: string }[] }>('/settings'), []);
  return (
    <PageCard title="规则设置" extra={<Select value={year} onChange={setYear} options={yearOptions} style={{ width: 140 }} aria-label="适用年度" />}>
      <Tabs destroyOnHidden items={(data?.items ?? []).map((m) => ({ key: m.module, label: m.label, children: <ModuleForm module={m.module} year={year} /> }))} />
    </PageCard>
  );
}
