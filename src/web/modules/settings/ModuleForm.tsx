import { useEffect, useState } from 'react';
import { Alert, Button, Form, Space } from 'antd';
import { pathTo, queryString } from '@shared/http/paths';
import { settingsPaths } from '@shared/settings/paths';
import type { ModuleSettings } from '@shared/settings/responses';
import { api, ApiError } from '../../app/api';
import { namePath, showError } from '../../app/errors';
import { feedback } from '../../app/feedback';
import { can } from '../../app/forms';
import { useGet } from '../../app/query';
import { editedAsJson, SchemaField, type JsonSchema } from './SchemaField';

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

/** One module's rules for a year, drawn from the server's schema; read-only to who may not change them. */
export function ModuleForm({ module, year }: { module: string; year: number }) {
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
      {!editable && data.keptBy === 'auditor' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="审计日志的保留期限由安全审计员在「审计日志」中设置（三员分立）。" />}
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
