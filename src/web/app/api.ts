/**
 * The one way the client talks to the server: JSON over fetch with the session cookie, the CSRF
 * token on every write, and failures turned into an ApiError carrying the server's code, message
 * and field issues (see src/server/platform/errors.ts).
 *
 * @example const { items } = await api.get<{ items: Term[] }>('/org/terms');
 */

/** One problem with one field; `field` is a dotted path such as `members.3.name`. */
export interface FieldIssue {
  field: string;
  label: string;
  message: string;
}

/** One problem with one spreadsheet row (roster import). */
export interface RowIssue extends FieldIssue {
  row: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
    readonly rows: RowIssue[] = [],
  ) {
    super(message);
  }
}

let csrfToken = '';
/** Set from /auth/me and /auth/login; sent as `x-csrf-token` on every non-GET request. */
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

/** Requests whose 401 is an answer, not an expired session. */
const NO_REDIRECT = ['/auth/me', '/auth/login'];

function onUnauthenticated(path: string) {
  if (NO_REDIRECT.includes(path) || window.location.pathname === '/login') return;
  const next = encodeURIComponent(window.location.pathname + window.location.search);
  window.location.assign(`/login?next=${next}`);
}

async function toError(res: Response, path: string): Promise<ApiError> {
  const body = await res.json().catch(() => ({}));
  if (res.status === 401) onUnauthenticated(path);
  return new ApiError(res.status, body.code ?? 'internal', body.message ?? `请求失败（${res.status}）`, body.fields ?? [], body.rows ?? []);
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) throw await toError(res, path);
  return res;
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Builds `?a=1&b=2`, leaving out empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Saves a file answer (e.g. an .xlsx export) under the name the server gives it. */
async function download(path: string, fallbackName: string): Promise<void> {
  const res = await send('GET', path);
  const disposition = res.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const api = {
  get: <T>(path: string) => json<T>('GET', path),
  post: <T>(path: string, body?: unknown) => json<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => json<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => json<T>('PUT', path, body),
  /** Multipart upload of one file in field `file`. */
  upload: <T>(path: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return json<T>('POST', path, form);
  },
  download,
};
