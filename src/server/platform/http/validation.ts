import { z } from 'zod';
import { AppError, type FieldIssue } from '../errors.js';
import { badTextIssues } from './text.js';
import { configureChineseMessages, labelAt } from '../../../shared/zod.js';

export { labelAt };

configureChineseMessages();

/** Turns zod issues into field issues with Chinese labels. */
export function fieldIssues(schema: z.ZodType | undefined, issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    label: labelAt(schema, issue.path as PropertyKey[]),
    message: issue.message,
  }));
}

/** The label of the field at `path`, or of the nearest field around it the schema names (a string sent where a list was expected). */
function nearestLabel(schema: z.ZodType, path: PropertyKey[]): string {
  for (let n = path.length; n > 0; n--) {
    const at = path.slice(0, n);
    const label = labelAt(schema, at);
    if (label !== at.map(String).join('.')) return label;
  }
  return '请求内容';
}

/**
 * Checks `input` against `schema` the way every route's input is checked: strings that are not
 * text (control characters, lone surrogates) are refused first, then the schema; every issue names
 * its field in Chinese.
 */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown): { success: true; data: z.output<S> } | { success: false; issues: FieldIssue[] } {
  const notText = badTextIssues(input, (path) => nearestLabel(schema, path));
  const result = schema.safeParse(input);
  if (result.success && notText.length === 0) return { success: true, data: result.data };
  const issues = result.success ? [] : fieldIssues(schema, result.error.issues);
  return { success: false, issues: [...notText, ...issues.filter((i) => !notText.some((n) => n.field === i.field))] };
}

/** Parses `input` with `schema`, or throws AppError('validation') naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const checked = checkInput(schema, input);
  if (checked.success) return checked.data;
  throw AppError.validation(checked.issues);
}
