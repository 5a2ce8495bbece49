import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { z } from 'zod';
import { configureChineseMessages, describedAs, unwrapSchema } from '@shared/zod';

configureChineseMessages();
// the page's CSP has no 'unsafe-eval': zod's compiled parsers (new Function) would be refused,
// and its probe for them logs a violation on every page with a form
z.config({ jitless: true });

/** A form value as the server would receive it: dates as 'YYYY-MM-DD', blank text as absent. */
const asSent = (value: unknown) => (dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : value);

/**
 * An antd rule that runs the field's own schema — the one the server validates the request with —
 * and shows its Chinese message after the field's name, so a form refuses exactly what the server would refuse. The field
 * is marked required when the schema refuses an empty value.
 *
 * @example <Form.Item name="title" label="案由（标题）" rules={[fieldRule(proposalDraft.shape.title)]}>
 */
export function fieldRule(schema: z.ZodType): Rule {
  const label = labelOf(schema);
  return {
    required: !schema.safeParse(undefined).success,
    validator: async (_, value) => {
      const result = schema.safeParse(asSent(value));
      if (!result.success) throw new Error(`${label}${result.error.issues[0]?.message ?? '格式不正确'}`);
    },
  };
}

/** The rules of every named field of an object schema, for `<Form.Item rules={rules.title}>`. */
export function fieldRules<S extends z.ZodObject>(schema: S): { [K in keyof S['shape']]: Rule[] } {
  return Object.fromEntries(Object.entries(schema.shape).map(([k, s]) => [k, [fieldRule(s as z.ZodType)]])) as { [K in keyof S['shape']]: Rule[] };
}

/** The Chinese name a field's schema was given, for its label. */
export const labelOf = (schema: z.ZodType) => describedAs(unwrapSchema(schema)) ?? '';
