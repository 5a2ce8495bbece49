import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { inject } from 'vitest';
import { freePort, killHard, runServerToExit, startServer } from '../support/server-process.js';
import { serverUrl } from '../support/pg-url.js';
import { loadConfig } from '../../src/server/config.js';
import { openPglite } from '../../src/server/db/client.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'sl-start-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** `npm run cli -- …` on the given environment (without the test runner's DATABASE_URL). */
function cli(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const { DATABASE_URL: _drop, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out: out.trim(), err: err.trim() }));
  });
}

/** A start-up refusal: exit code ≠ 0 and exactly one line on stderr, in Chinese, saying `what`. */
function expectOneLine(run: { code: number | null; err: string }, what: RegExp) {
  expect(run.code, run.err).not.toBe(0);
  expect(run.code).not.toBeNull();
  expect(run.err.split('\n'), run.err).toHaveLength(1);
  expect(run.err).toMatch(/[\u4e00-\u9fff]/);
  expect(run.err).toMatch(what);
}

/** Holds a port the way another program would. */
const holdPort = (port: number) =>
  new Promise<Server>((resolve) => {
    const s = createServer();
    s.listen(port, '127.0.0.1', () => resolve(s));
  });

/**
 * A PostgreSQL server that turns every login down as a wrong password would (the machine's own
 * server trusts loopback, so it never says so): asks for a clear-text password, answers 28P01.
 */
function wrongPasswordServer(): Promise<Server> {
  return new Promise((resolve) => {
    const s = createServer((socket) => {
      let started = false;
      socket.on('data', () => {
        if (!started) {
          started = true;
          socket.write(Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3])); // AuthenticationCleartextPassword
          return;
        }
        const fields = Buffer.from('SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user "postgres"\0\0');
        const head = Buffer.alloc(5);
        head.write('E');
        head.writeInt32BE(fields.length + 4, 1);
        socket.end(Buffer.concat([head, fields]));
      });
    });
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}

describe('start-up on the embedded database', () => {
  it('a second server or a CLI on a folder in use is refused, naming the process; backup goes through the server; a killed holder does not block', async () => {
    const dir = tempDir();
    // the run's seeded template, so the server opens it in a second instead of seeding the demo
    await (await openPglite(path.join(dir, 'pg'), new Blob([readFileSync(inject('pgliteTemplate'))]))).close();
    const port = await freePort();
    const first = await startServer({ DATA_DIR: dir }, port);
    try {
      const second = await runServerToExit({ DATA_DIR: dir }, await freePort());
      expectOneLine(second, new RegExp(`正被另一个进程使用（进程 ${first.pid}，商量服务器，端口 ${port}`));
      const verify = await cli({ DATA_DIR: dir }, 'verify-audit');
      expectOneLine(verify, new RegExp(`进程 ${first.pid}`));

      const file = path.join(dir, 'backup.json.gz');
      const backup = await cli({ DATA_DIR: dir }, 'backup', file);
      expect(backup, backup.err).toMatchObject({ code: 0, out: expect.stringContaining(`已通过运行中的服务器（进程 ${first.pid}）备份`) });
      const parsed = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
      expect(parsed.format).toBe('shangliang-backup/1');
      expect(parsed.tables.proposals.length).toBeGreaterThan(10);
      // the server still runs, unharmed
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      // the backup door is closed without the secret
      expect((await fetch(`http://127.0.0.1:${port}/ops/backup`)).status).toBe(404);
    } finally {
      await killHard(first);
    }
    // SIGKILL left the lock file behind: its holder is gone, so the next server takes over
    const again = await startServer({ DATA_DIR: dir }, port);
    await killHard(again);
  }, 300_000);

  it('a read-only data folder: one line, no stack', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o555);
    // root writes anywhere: drop to nobody so the folder is read-only for the server as for an operator
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = await runServerToExit({ DATA_DIR: path.join(dir, 'data') }, await freePort(), asNobody);
    expectOneLine(run, /数据目录 .* (不可写|只读)/);
  }, 120_000);

  it('a port in use: one line, before the database is opened or migrated', async () => {
    const dir = tempDir();
    const port = await freePort();
    const holder = await holdPort(port);
    try {
      const run = await runServerToExit({ DATA_DIR: dir }, port);
      expectOneLine(run, new RegExp(`端口 ${port} 已被占用.*PORT`));
      expect(existsSync(path.join(dir, 'pg')), 'the database folder was not even created').toBe(false);
    } finally {
      holder.close();
    }
  }, 120_000);
});

describe('start-up on a PostgreSQL server', () => {
  it('a refused connection: one line saying where and what to do', async () => {
    const port = await freePort();
    const run = await runServerToExit({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/shangliang`, DATA_DIR: tempDir() }, await freePort());
    expectOneLine(run, new RegExp(`无法连接数据库服务器 127\\.0\\.0\\.1:${port}（连接被拒绝）`));
  }, 120_000);

  it('a wrong password: one line, the password never printed', async () => {
    const fake = await wrongPasswordServer();
    try {
      const port = (fake.address() as { port: number }).port;
      const run = await runServerToExit({ DATABASE_URL: `postgres://postgres:s3cret-pw@127.0.0.1:${port}/shangliang`, DATA_DIR: tempDir() }, await freePort());
      expectOneLine(run, /拒绝登录：用户 postgres 的密码错误/);
      expect(run.err + run.out).not.toContain('s3cret-pw');
    } finally {
      fake.close();
    }
  }, 120_000);

  it.runIf(inject('pgTemplate'))('a missing database and a port in use: one line each', async () => {
    const missing = `sl_t_${inject('runId')}_missing`;
    const run = await runServerToExit({ DATABASE_URL: serverUrl(missing), DATA_DIR: tempDir() }, await freePort());
    expectOneLine(run, new RegExp(`数据库 ${missing} 在服务器 .* 上不存在：请先创建它`));

    const port = await freePort();
    const holder = await holdPort(port);
    try {
      expectOneLine(await runServerToExit({ DATABASE_URL: serverUrl(missing), DATA_DIR: tempDir() }, port), new RegExp(`端口 ${port} 已被占用`));
    } finally {
      holder.close();
    }
  }, 120_000);

  it('the audit anchor file defaults per database, never one file for two deployments', () => {
    const lite = loadConfig({ DATA_DIR: '/srv/sl' }).auditAnchors.file;
    const a = loadConfig({ DATA_DIR: '/srv/sl', DATABASE_URL: 'postgres://u:pw@db1:5432/committee_a' }).auditAnchors.file;
    const b = loadConfig({ DATA_DIR: '/srv/sl', DATABASE_URL: 'postgres://u:pw@db1:5432/committee_b' }).auditAnchors.file;
    const c = loadConfig({ DATA_DIR: '/srv/sl', DATABASE_URL: 'postgres://u@db2/committee_a' }).auditAnchors.file;
    expect(lite).toBe('/srv/sl/audit-anchors.jsonl');
    expect(new Set([lite, a, b, c]).size).toBe(4);
    expect(a).toBe('/srv/sl/audit-anchors-db1_5432_committee_a.jsonl');
    expect(a).not.toContain('pw');
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y', AUDIT_ANCHOR_FILE: '/anchors/sl.jsonl' }).auditAnchors.file).toBe('/anchors/sl.jsonl');
  });
});
