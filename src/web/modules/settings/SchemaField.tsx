import { Button, Flex, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { officeLabels } from '@shared/auth/roles';
import { sendKinds } from '@shared/opinions/labels';
import { draftingChecks, reviewStepLabels } from '@shared/proposals/labels';
import { memberModeration } from '@shared/consultation/labels';

/** The subset of JSON Schema the server's settings manifests produce (zod 4 `toJSONSchema`). */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  enum?: (string | number)[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

/** Chinese names for the enum values settings use, from the shared label tables; unknown values show as they are. */
const enumLabels: Record<string, string> = { ...reviewStepLabels, ...sendKinds, ...draftingChecks, ...officeLabels, ...memberModeration };
const enumOptions = (values: (string | number)[]) => values.map((v) => ({ value: v, label: enumLabels[String(v)] ?? String(v) }));

/** A choice between objects of one property each, e.g. a period of { workdays } or { months }. */
const isChoice = (s: JsonSchema) => !!s.anyOf?.length && s.anyOf.every((o) => o.type === 'object' && Object.keys(o.properties ?? {}).length === 1);
const isPrimitive = (s: JsonSchema) => ['string', 'number', 'integer', 'boolean'].includes(String(s.type)) || !!s.enum;
const isTable = (s: JsonSchema) => s.type === 'array' && s.items?.type === 'object' && Object.values(s.items.properties ?? {}).every(isPrimitive);

/** Fields the generic form cannot draw as controls; they are edited as JSON text. */
export const editedAsJson = (s: JsonSchema) => !(isPrimitive(s) || isChoice(s) || isTable(s) || (s.type === 'array' && s.items && isPrimitive(s.items)));

/** `label` names the control where no form label points at it (a cell of a table of rules). */
function Primitive({ schema, value, onChange, id, label }: { schema: JsonSchema; value?: unknown; onChange?: (v: unknown) => void; id?: string; label?: string }) {
  if (schema.type === 'boolean') return <Switch id={id} aria-label={label} checked={value === true} onChange={(v) => onChange?.(v)} checkedChildren="是" unCheckedChildren="否" />;
  if (schema.enum) return <Select id={id} aria-label={label} value={value} onChange={onChange} options={enumOptions(schema.enum)} style={{ minWidth: 140 }} />;
  if (schema.type === 'number' || schema.type === 'integer') {
    const fraction = schema.type === 'number' && (schema.maximum ?? 2) <= 1;
    return <InputNumber id={id} aria-label={label} value={value as number} onChange={onChange} min={schema.minimum} max={schema.maximum} step={fraction ? 0.01 : 1} precision={schema.type === 'integer' ? 0 : undefined} />;
  }
  return <Input id={id} aria-label={label} value={value as string} onChange={(e) => onChange?.(e.target.value)} maxLength={schema.maxLength} />;
}

/** { workdays: 5 } ⇄ a number and a unit picker. */
function ChoiceInput({ schema, value, onChange, id }: { schema: JsonSchema; value?: Record<string, number>; onChange?: (v: Record<string, number>) => void; id?: string }) {
  const options = schema.anyOf!.map((o) => {
    const [key, field] = Object.entries(o.properties!)[0];
    return { value: key, label: field.description ?? key, field };
  });
  const key = Object.keys(value ?? {})[0] ?? options[0].value;
  const field = options.find((o) => o.value === key)?.field ?? options[0].field;
  return (
    <Space.Compact>
      <InputNumber id={id} value={value?.[key]} min={field.minimum} max={field.maximum} precision={0} onChange={(n) => onChange?.({ [key]: n ?? 0 })} />
      <Select aria-label="单位" value={key} style={{ width: 100 }} options={options.map(({ value, label }) => ({ value, label }))} onChange={(k) => onChange?.({ [k]: value?.[key] ?? 1 })} />
    </Space.Compact>
  );
}

/** One setting, drawn from its schema. `name` is the form path of the value. */
export function SchemaField({ name, schema, label }: { name: (string | number)[]; schema: JsonSchema; label: string }) {
  if (isChoice(schema)) {
    return (
      <Form.Item name={name} label={label}>
        <ChoiceInput schema={schema} />
      </Form.Item>
    );
  }
  if (isTable(schema)) {
    const columns = Object.entries(schema.items!.properties!);
    return (
      <Form.Item label={label}>
        <Form.List name={name}>
          {(rows, { add, remove }) => (
            <Flex vertical gap={4}>
              {rows.map((row) => (
                <Flex key={row.key} gap={8} align="center">
                  {columns.map(([key, col]) => (
                    // short codes get a narrow column, texts take the rest of the row
                    <div key={key} style={{ flex: col.type === 'boolean' ? '0 0 auto' : (col.maxLength ?? 100) <= 20 ? '0 0 140px' : '1 1 240px' }}>
                      <Form.Item name={[row.name, key]} noStyle>
                        <Primitive schema={col} label={`${label}第${row.name + 1}行：${col.description ?? key}`} />
                      </Form.Item>
                      {/* a table has no column headings: a switch says beside it what it turns on */}
                      {col.type === 'boolean' && <span style={{ marginLeft: 6, fontSize: 12 }}>{(col.description ?? key).split('（')[0]}</span>}
                    </div>
                  ))}
                  <Button type="text" size="small" aria-label={`删除第${row.name + 1}行`} icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }}>
                添加
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
    );
  }
  if (schema.type === 'array' && schema.items && isPrimitive(schema.items)) {
    const items = schema.items;
    return (
      <Form.Item name={name} label={label}>
        {items.enum ? <Select mode="multiple" options={enumOptions(items.enum)} /> : <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />}
      </Form.Item>
    );
  }
  if (isPrimitive(schema)) {
    return (
      <Form.Item name={name} label={label}>
        <Primitive schema={schema} />
      </Form.Item>
    );
  }
  return (
    <Form.Item name={name} label={label} extra="以 JSON 格式编辑；保存时由服务器逐项校验">
      <Input.TextArea autoSize={{ minRows: 4, maxRows: 24 }} style={{ fontFamily: 'monospace' }} />
    </Form.Item>
  );
}
