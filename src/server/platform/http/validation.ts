import { z } from 'zod';
import { AppError, type FieldIssue } from '../errors.js';

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

z.config({
  localeError: (issue) => friendly(issue) ?? (zhCN.localeError as any)(issue),
});

/**
 * Finds the Chinese label of the field at `path` inside `schema`. Labels are given once with
 * `.describe('姓名')` (or `.meta({ title })`) on the schema, so the message can say which field
 * is wrong without the route knowing anything about it.
 */
export function labelAt(schema: z.ZodType | undefined, path: PropertyKey[]): string {
  let current: z.ZodType | undefined = schema;
  let label = '';
  for (const key of path) {
    current = unwrap(current);
    if (!current) break;
    const def = (current as any)._zod?.def;
    if (def?.type === 'object') current = def.shape?.[key as string];
    else if (def?.type === 'array') current = def.element;
    else if (def?.type === 'record') current = def.valueType;
    else current = undefined;
    label = describe(current) ?? label;
  }
  const leaf = describe(unwrap(current));
  return leaf ?? (label || path.map(String).join('.') || '请求');
}

function describe(s: z.ZodType | undefined): string | undefined {
  if (!s) return undefined;
  const meta = (s as any).meta?.() as { title?: string } | undefined;
  return (s as any).description ?? meta?.title;
}

function unwrap(s: z.ZodType | undefined): z.ZodType | undefined {
  let cur: any = s;
  for (let i = 0; i < 8 && cur; i++) {
    if (describe(cur)) return cur;
    const def = cur._zod?.def;
    if (!def) return cur;
    if (['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'].includes(def.type)) cur = def.innerType;
    else if (def.type === 'pipe') cur = def.in?._zod?.def?.type === 'transform' ? def.out : def.in;
    // a union (e.g. a phone number or an empty string) is labelled by whichever option carries the label
    else if (def.type === 'union') cur = def.options.map((o: any) => unwrap(o)).find((o: any) => describe(o)) ?? def.options[0];
    else return cur;
  }
  return cur;
}

/** Turns zod issues into field issues with Chinese labels. */
export function fieldIssues(schema: z.ZodType | undefined, issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    label: labelAt(schema, issue.path as PropertyKey[]),
    message: issue.message,
  }));
}

/** Parses `input` with `schema`, or throws AppError('validation') naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw AppError.validation(fieldIssues(schema, result.error.issues));
}
