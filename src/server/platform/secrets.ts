/**
 * Secrets never leave the place they are kept: not into audit rows, not into logs. What counts as
 * a secret is decided here once, by the kind of field, for every table and every log line:
 * - by name — password hashes, passwords, session ids, CSRF values, tokens, signing secrets, cookies;
 * - by shape — a password hash is recognised wherever it appears (a query's parameters, a message).
 */
export const REDACTED = '[已隐去]';

/** Field names (camelCase, snake_case, header names) whose values are secrets in any record. */
const SECRET_NAME = /^(password|password_?hash|old_?password|new_?password|csrf_?token|x-csrf-token|token|token_?hash|session_?id|secret|api_?key|authorization|cookie|set-cookie|mac)$|(password|secret|token)$/i;

/** The stored form of a password (hashPassword in auth/passwords.ts). */
const PASSWORD_HASH = /scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]*\$[A-Za-z0-9+/=]*/g;

export const isSecretField = (name: string) => SECRET_NAME.test(name);

/** A text with every password hash in it replaced. */
export const redactText = (s: string): string => s.replace(PASSWORD_HASH, REDACTED);

/**
 * A copy of `value` with secrets replaced: fields by name at any depth, password hashes by shape
 * in any string. Dates and other non-plain objects are kept as they are.
 */
export function redact<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (value === null || typeof value !== 'object' || depth > 32) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1)) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecretField(k) && v !== null && v !== undefined ? REDACTED : redact(v, depth + 1)])) as T;
}

/**
 * An error as a log line may show it: its kind, code, message and stack (hashes replaced) and its
 * cause — never a failed query's parameters, which are the row being written (a password hash, a
 * session's token) and people's personal data.
 */
export function redactError(err: unknown, depth = 0): Record<string, unknown> | unknown {
  if (!(err instanceof Error) || depth > 4) return typeof err === 'string' ? redactText(err) : err;
  const e = err as Error & { code?: unknown; statusCode?: unknown; query?: unknown; params?: unknown[]; cause?: unknown };
  return {
    type: e.name,
    message: redactText(e.message),
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.statusCode !== undefined ? { statusCode: e.statusCode } : {}),
    ...(typeof e.query === 'string' ? { query: redactText(e.query) } : {}),
    ...(Array.isArray(e.params) ? { params: `${e.params.length} 个参数（已隐去）` } : {}),
    stack: redactText(e.stack ?? ''),
    ...(e.cause !== undefined ? { cause: redactError(e.cause, depth + 1) } : {}),
  };
}
