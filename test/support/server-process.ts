import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * node's flags in `npm start` (`node <flags> --import tsx src/server/main.ts`), read from package.json
 * so the processes tests and benchmarks start are tuned as the product is: a young generation of
 * 64 MB semi-spaces, where a request's short-lived objects die without a promotion (list at 64
 * connections, three runs each: 198–239 → 225–265 requests/s, the app's CPU per request 4.3–5.2 →
 * 3.6–4.2 ms).
 */
export const startFlags: string[] = (() => {
  const start = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const flags = /\bnode ((?:--\S+ )*)--import tsx src\/server\/main\.ts/.exec(start);
  if (!flags) throw new Error(`package.json's start script no longer runs "node <flags> --import tsx src/server/main.ts": ${start}`);
  return flags[1].split(' ').filter(Boolean);
})();

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * The real server as its own process (npm start without the web build: its node flags, startFlags), for kill and restart tests.
 * `nodeArgs` go to node before the script (`['--cpu-prof']` to profile it; stop it with SIGTERM then).
 */
export async function startServer(env: Record<string, string>, port: number, nodeArgs: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...startFlags, ...nodeArgs, '--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, WEB_DIR: '/nonexistent', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const deadline = Date.now() + Number(process.env.SERVER_START_TIMEOUT_S ?? 120) * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${log.slice(-2000)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${log.slice(-2000)}`);
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** A logged-in HTTP client against a running server. */
export async function httpLogin(base: string, username: string, password = 'Demo@2026') {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = await res.json();
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  return {
    post: (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
    get: (path: string) => fetch(`${base}${path}`, { headers }),
  };
}

/** Starts the server expecting it to refuse: waits for its exit and returns the code and what it printed. */
export function runServerToExit(env: Record<string, string>, port: number, opts: { uid?: number; gid?: number } = {}): Promise<{ code: number | null; out: string; err: string }> {
  const { DATABASE_URL: _inherited, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...inherited, WEB_DIR: '/nonexistent', ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...opts,
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out: out.trim(), err: err.trim() });
    });
  });
}

/** Stops the server as an operator would (SIGTERM): it finishes the work in progress and closes the database. */
export function stopGracefully(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
