import { authPaths } from '@shared/auth/paths';
import { fileNameOf } from '@shared/http/content-disposition';
import type { ErrorBody, FieldIssue, RowIssue } from '@shared/http/errors';

/**
 * The one way the client talks to the server: JSON over fetch with the session cookie, the CSRF
 * token on every write, and failures turned into an ApiError carrying the server's code, message
 * and field issues (see src/server/platform/errors.ts). Paths come from the shared route tables.
 *
 * @example const p = await api.get<ProposalDetail>(pathTo(proposalPaths.detail, { id }));
 */

export type { FieldIssue, RowIssue };

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

let afterWrite: () => void = () => undefined;
/** Called after every successful write and every version conflict, so cached reads refetch (see query.tsx). */
export const onWrite = (listener: () => void) => {
  afterWrite = listener;
};

/** Requests whose 401 is an answer, not an expired session. */
const NO_REDIRECT: string[] = [authPaths.me, authPaths.login];

function onUnauthenticated(path: string) {
  if (NO_REDIRECT.includes(path) || window.location.pathname === '/login') return;
  const next = encodeURIComponent(window.location.pathname + window.location.search);
  window.location.assign(`/login?next=${next}`);
}

async function toError(res: Response, path: string): Promise<ApiError> {
  const body: Partial<ErrorBody> = await res.json().catch(() => ({}));
  if (res.status === 401) onUnauthenticated(path);
  return new ApiError(res.status, body.code ?? 'internal', body.message ?? `请求失败（${res.status}）`, body.fields ?? [], body.rows ?? []);
}

async function send(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
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
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) {
    const err = await toError(res, path);
    // a version conflict says what is on screen is out of date: refetch it like after a write
    if (err.code === 'version_conflict') afterWrite();
    throw err;
  }
  if (method !== 'GET') afterWrite();
  return res;
}

async function json<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const res = await send(method, path, body, signal);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Saves a file answer (e.g. an .xlsx export) under the name the server gives it. */
async function download(path: string, fallbackName: string): Promise<void> {
  const res = await send('GET', path);
  const name = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName;
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
  get: <T>(path: string, signal?: AbortSignal) => json<T>('GET', path, undefined, signal),
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
