import type { InjectOptions } from 'fastify';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.js';
import { client, type Client, type Reply, type TestApp } from '../support/app.js';

let next = 0;
/**
 * A different client address for every call, so that setting up many accounts does not run into
 * the per-address login rate limit (which auth.service.test.ts tests on its own).
 */
export const freshAddress = () => `198.51.100.${(next++ % 250) + 1}`;

/** Logs in from a fresh address and returns a client sending the session cookie and CSRF token. */
export async function signIn(t: TestApp, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: freshAddress() });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
  return client(t.app, sessionCookie(res.headers['set-cookie']), res.json().csrfToken);
}

/** The `name=value` of the session cookie in a Set-Cookie header. */
export function sessionCookie(setCookie: unknown): string {
  const all = [setCookie].flat().map(String);
  const line = all.find((c) => c.startsWith('sl_session=')) ?? '';
  return line.split(';')[0];
}

/** A raw request answered as a Reply (JSON parsed when it is JSON). */
export async function send(t: TestApp, opts: InjectOptions): Promise<Reply> {
  const res = await t.app.inject(opts);
  let body: any = res.body;
  try {
    body = res.json();
  } catch {
    /* not JSON */
  }
  return { status: res.statusCode, body, headers: res.headers, raw: res.body };
}

/** A clock the test moves: installs itself as the app's `now` service. */
export function movableClock(t: TestApp, start = new Date()) {
  let at = start.getTime();
  t.app.services.now = () => new Date(at);
  return {
    advance: (minutes: number) => void (at += minutes * 60_000),
    now: () => new Date(at),
  };
}

export type { Client };
