import { createHash, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { backgroundIdle } from '../../src/server/platform/text/background.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.js';
import { freshDatabase, type DbKind } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** logs in a demo account and returns a client that sends its cookie and CSRF token */
  as(username: string, password?: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  raw: string;
}

/** An injected request; the method as the route table spells it (light-my-request 6.6 types it narrowly). */
export type Request = Omit<InjectOptions, 'method'> & { method?: string };

export interface Client {
  get<T = any>(url: string): Promise<Reply<T>>;
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<T>>;
  patch<T = any>(url: string, body?: unknown): Promise<Reply<T>>;
  put<T = any>(url: string, body?: unknown): Promise<Reply<T>>;
  request<T = any>(opts: Request): Promise<Reply<T>>;
  cookie: string;
  csrf: string;
}

export function client(app: FastifyInstance, cookie = '', csrf = ''): Client {
  const request = async (opts: Request) => {
    // what an earlier request left to learn in the background (a similarity index's latent space) is
    // done before the next one: a search never waits for it, and a test's answers must not depend on timing
    await backgroundIdle();
    const res = await app.inject({ ...(opts as InjectOptions), headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...(opts.headers ?? {}) } });
    let body: any = res.body;
    try {
      body = res.json();
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.statusCode, body, headers: res.headers, raw: res.body };
  };
  return {
    cookie,
    csrf,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body, headers) => request({ method: 'POST', url, payload: body as any, headers }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as any }),
    put: (url, body) => request({ method: 'PUT', url, payload: body as any }),
  };
}

/** A stable address in the benchmarking range 198.18.0.0/15 per username (never routed; inject only). */
const deviceOf = (username: string) => {
  const [a, b] = createHash('sha256').update(username).digest();
  return `198.18.${a}.${b}`;
};

/** The whole HTTP application on a fresh demo database, driven through fastify.inject. */
export async function startTestApp(kind: DbKind, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await freshDatabase(kind);
  const config = { ...loadConfig({ AUDIT_ANCHOR_FILE: path.join(os.tmpdir(), `sl-audit-anchors-${randomUUID()}.jsonl`), ...env, DATA_DIR: '/nonexistent', WEB_DIR: '/nonexistent' }) };
  const app = await buildApp({ database, config });
  await app.ready();
  const anonymous = client(app);
  return {
    app,
    database,
    config,
    anonymous,
    async as(username, password = DEMO_PASSWORD) {
      // each person signs in from a device of their own, so the per-address login limit counts them apart
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: deviceOf(username) });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
      const cookie = String(res.headers['set-cookie']).split(';')[0];
      return client(app, cookie, res.json().csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
      rmSync(config.auditAnchors.file, { force: true });
    },
  };
}
