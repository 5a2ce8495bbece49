import { z } from 'zod';

const zhCN = z.locales.zhCN();
const typeNames: Record<string, string> = {
  string: '文本', number: '数字', int: '整数', boolean: '是或否', array: '列表', object: '对象', date: '日期',
};

/** Plain Chinese for the issues people actually hit; anything rarer falls back to zod's zh-CN locale. */
function friendly(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必填' : `应为${typeNames[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 || issue.input === '' ? '不能为空' : `至少${issue.minimum}个字`;
      if (issue.origin === 'array') return `至少选择${issue.minimum}项`;
      return `不能小于${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `不能超过${issue.maximum}个字`;
      if (issue.origin === 'array') return `最多${issue.maximum}项`;
      return `不能大于${issue.maximum}`;
    case 'invalid_value':
      return '不在可选范围内';
    case 'unrecognized_keys':
      return `含有无法识别的字段：${issue.keys.join('、')}`;
    case 'invalid_format':
      if (issue.format === 'regex') return '格式不正确';
      return `格式不正确（应为${issue.format === 'date' ? '日期 YYYY-MM-DD' : issue.format}）`;
    default:
      return undefined;
  }
}

/**
 * Makes every zod message plain Chinese. The server and the web both call it once at start, so a
 * form shows the very words the server would answer for the same value.
 */
export function configureChineseMessages() {
  z.config({ localeError: (issue) => friendly(issue) ?? (zhCN.localeError as any)(issue) });
}

/** The Chinese name a schema was given with `.describe('姓名')` (or `.meta({ title })`). */
export function describedAs(s: z.ZodType | undefined): string | undefined {
  if (!s) return undefined;
  const meta = (s as any).meta?.() as { title?: string } | undefined;
  return (s as any).description ?? meta?.title;
}

/** Looks through optional, nullable, default and pipe wrappers to the schema that carries the label. */
export function unwrapSchema(s: z.ZodType | undefined): z.ZodType | undefined {
  let cur: any = s;
  for (let i = 0; i < 8 && cur; i++) {
    if (describedAs(cur)) return cur;
    const def = cur._zod?.def;
    if (!def) return cur;
    if (['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'].includes(def.type)) cur = def.innerType;
    else if (def.type === 'pipe') cur = def.in?._zod?.def?.type === 'transform' ? def.out : def.in;
    // a union (e.g. a phone number or an empty string) is labelled by whichever option carries the label
    else if (def.type === 'union') cur = def.options.map((o: any) => unwrapSchema(o)).find((o: any) => describedAs(o)) ?? def.options[0];
    else return cur;
  }
  return cur;
}

/**
 * Finds the Chinese label of the field at `path` inside `schema`, so a message can say which field
 * is wrong without the caller knowing anything about it.
 */
export function labelAt(schema: z.ZodType | undefined, path: PropertyKey[]): string {
  let current: z.ZodType | undefined = schema;
  let label = '';
  for (const key of path) {
    current = unwrapSchema(current);
    if (!current) break;
    const def = (current as any)._zod?.def;
    if (def?.type === 'object') current = def.shape?.[key as string];
    else if (def?.type === 'array') current = def.element;
    else if (def?.type === 'record') current = def.valueType;
    else current = undefined;
    label = describedAs(current) ?? label;
  }
  const leaf = describedAs(unwrapSchema(current));
  return leaf ?? (label || path.map(String).join('.') || '请求');
}
