import type { FieldIssue } from '../errors.js';

/**
 * Characters no form field of ours holds: C0 controls but tab, newline and carriage return
 * (PostgreSQL's text cannot store NUL at all, and the others are invisible tricks), DEL — and
 * lone surrogates, which are not text and would be stored as U+FFFD.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A Chinese reason when `s` is not text a person can have typed, else null. */
export function textProblem(s: string): string | null {
  if (CONTROL.test(s)) return '不能包含控制字符（如空字符）';
  if (LONE_SURROGATE.test(s)) return '含有无效的字符（不成对的代理字符）';
  return null;
}

/**
 * Every string (and object key) in parsed input that is not text, as a field issue at its path.
 * Runs on the raw input before the schema, so even a field the schema would drop is refused.
 */
export function badTextIssues(data: unknown, labelOf: (path: PropertyKey[]) => string, path: PropertyKey[] = [], depth = 0): FieldIssue[] {
  const issue = (p: PropertyKey[], message: string): FieldIssue => ({ field: p.map(String).join('.'), label: labelOf(p), message });
  if (typeof data === 'string') {
    const problem = textProblem(data);
    return problem ? [issue(path, problem)] : [];
  }
  if (depth > 32 || data === null || typeof data !== 'object') return [];
  const issues: FieldIssue[] = [];
  for (const [key, value] of Object.entries(data)) {
    const at = Array.isArray(data) ? [...path, Number(key)] : [...path, key];
    const keyProblem = Array.isArray(data) ? null : textProblem(key);
    if (keyProblem) issues.push(issue(path.length ? path : [key], `字段名${keyProblem}`));
    else issues.push(...badTextIssues(value, labelOf, at, depth + 1));
  }
  return issues;
}
