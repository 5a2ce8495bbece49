import { useEffect, useState } from 'react';
import { Alert, Button, Form, Select, Space, Tabs } from 'antd';
import dayjs from 'dayjs';
import { pathTo, queryString } from '@shared/http/paths';
import { settingsPaths } from '@shared/settings/paths';
import type { ModuleSettings, SettingsModules } from '@shared/settings/responses';
import { api, ApiError } from '../../../app/api';
import { namePath, showError } from '../../../app/errors';
import { feedback } from '../../../app/feedback';
import { can } from '../../../app/forms';
import { useGet } from '../../../app/query';
import { PageCard } from '../../../app/ui/PageCard';
import { editedAsJson, SchemaField, type JsonSchema } from '../SchemaField';

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
  const { data } = useGet<ModuleSettings>(pathTo(settingsPaths.module, { module }), { year });
  // the form follows each answer: the first, and the refetch after a save or a version conflict
  useEffect(() => {
    if (data) form.setFieldsValue(toFormValues(data.schema as JsonSchema, data.values));
  }, [data, form]);
  if (!data) return null;
  const schema = data.schema as JsonSchema;
  const editable = can(data, 'update');

  const save = async () => {
    let values: Record<string, unknown>;
    try {
      values = fromFormValues(schema, form.getFieldsValue(true));
    } catch (err) {
      feedback.message.error((err as Error).message);
      return;
    }
    setSaving(true);
    try {
      await api.put(`${pathTo(settingsPaths.module, { module })}${queryString({ year })}`, { version: data.version, values });
      feedback.message.success('已保存，新规则即时生效');
    } catch (err) {
      // the server names each bad rule by its path under `values`
      if (err instanceof ApiError) form.setFields(err.fields.map((f) => ({ name: namePath(f.field.replace(/^values\./, '')), errors: [f.message] })));
      showError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" disabled={!editable} style={{ maxWidth: 820 }}>
      {year !== 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`这里的规则只用于${year}年，覆盖「各年度通用」的设置。`} />}
      {Object.entries(schema.properties ?? {}).map(([key, field]) => (
        <SchemaField key={key} name={[key]} schema={field} label={field.description ?? key} />
      ))}
      {editable && (
        <Space>
          <Button type="primary" loading={saving} onClick={save}>
            保存
          </Button>
          <Button onClick={() => form.setFieldsValue(toFormValues(schema, data.defaults))}>填入默认值</Button>
        </Space>
      )}
    </Form>
  );
}

/** 系统设置: each module's rules (RULES.md), per committee and per year, drawn from the server's schemas. */
export default function SettingsPage() {
  const [year, setYear] = useState(0);
  const { data } = useGet<SettingsModules>(settingsPaths.list);
  return (
    <PageCard title="规则设置" extra={<Select value={year} onChange={setYear} options={yearOptions} style={{ width: 140 }} aria-label="适用年度" />}>
      <Tabs destroyOnHidden items={(data?.items ?? []).map((m) => ({ key: m.module, label: m.label, children: <ModuleForm module={m.module} year={year} /> }))} />
    </PageCard>
  );
}
