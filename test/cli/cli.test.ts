import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../src/server/db/client.js';
import { tableChecksums } from '../../src/server/db/backup.js';
import { serverUrl } from '../support/pg-url.js';
import { serverDatabase } from '../support/db.js';

interface Run {
  code: number;
  out: string;
  err: string;
}

/** `tsx src/server/cli.ts …` as an administrator runs it (node with tsx's loader, without npx's own start-up), with its own environment. */
function cli(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const { DATABASE_URL: _drop, ...inherited } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    // a backup or restore of the whole demo committee is the longest command; on a loaded two-core machine they take a minute
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out: out.trim(), err: err.replace(/^npm warn.*\n?/gm, '').trim() });
    });
  });
}

/** Changes one audit row behind the application's back, as someone with database access could. */
async function tamper(database: Database) {
  await database.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_protect');
  await database.query(`UPDATE audit_log SET note = '悄悄改过' WHERE seq = (SELECT min(seq) + 3 FROM audit_log)`);
  await database.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_protect');
}

/**
 * The administrator's command line on each database: migrate, seed-demo, workdays-add,
 * verify-audit catching a tampered row, and backup → restore giving identical tables. Database A
 * starts as a copy of the run's template, which global setup seeded with the very function
 * `seed-demo` calls (seeding the whole demo is the longest thing the suite does, and doing it again
 * again here would prove nothing the setup did not): on it `seed-demo` must refuse to seed twice.
 */
async function scenario(envA: Record<string, string>, envB: Record<string, string>, open: (env: Record<string, string>) => Promise<Database>) {
  const backup = path.join(mkdtempSync(path.join(tmpdir(), 'sl-cli-bk-')), 'backup.json.gz');
  const migrate = await cli(envA, 'migrate');
  expect(migrate, migrate.err).toMatchObject({ code: 0, out: '数据库结构已是最新' });
  expect(await cli(envA, 'seed-demo')).toMatchObject({ code: 0, out: '数据库非空，未载入演示数据' });
  // 2026-10-01..07 are the National Day holiday (国务院办公厅 notice); 10-08 is the first working day after 09-30
  expect(await cli(envA, 'workdays-add', '2026-09-30', '1')).toMatchObject({ code: 0, out: '2026-10-08' });
  // bad arguments: a Chinese usage line and exit code 2; a missing backup file: exit 1, nothing restored
  expect(await cli(envA, 'workdays-add', '30/09/2026', 'one')).toMatchObject({ code: 2, err: '用法：workdays-add <YYYY-MM-DD> <n>' });
  const missing = await cli(envA, 'restore', `${backup}.missing`);
  expect(missing.code).toBe(1);

  expect(await cli(envA, 'verify-audit')).toMatchObject({ code: 0, out: '审计日志完整，未发现篡改' });
  const backedUp = await cli(envA, 'backup', backup);
  expect(backedUp.code, backedUp.err).toBe(0);
  expect(backedUp.out).toMatch(/^已备份 \d+ 张表、\d+ 行到 /);

  const restored = await cli(envB, 'restore', backup);
  expect(restored.code, restored.err).toBe(0);
  expect(restored.out).toMatch(/^已恢复 \d+ 张表、\d+ 行$/);
  const [a, b] = [await open(envA), await open(envB)];
  try {
    const sums = await tableChecksums(a);
    expect(Object.keys(sums).length).toBeGreaterThan(20);
    expect(await tableChecksums(b)).toEqual(sums);
    await tamper(a);
  } finally {
    await a.close();
    await b.close();
  }
  const caught = await cli(envA, 'verify-audit');
  expect(caught.code).toBe(1);
  expect(caught.err).toMatch(/第 \d+ 条：记录内容与哈希不符（记录被篡改）/);
  // the restored copy was taken before: it still verifies
  expect(await cli(envB, 'verify-audit')).toMatchObject({ code: 0 });
  rmSync(path.dirname(backup), { recursive: true, force: true });
}

describe('command line (npx tsx src/server/cli.ts)', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(path.join(tmpdir(), 'sl-cli-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('explains its usage in Chinese and refuses an unknown command', async () => {
    const env = { DATA_DIR: tempDir() };
    const usage = await cli(env);
    expect(usage.code).toBe(0);
    expect(usage.err).toContain('workdays-add <YYYY-MM-DD> <n> — 输出 n 个工作日后的日期');
    expect((await cli(env, 'no-such-command')).code).toBe(2);
  }, 60_000);

  it('embedded database: migrate, seed-demo, working days, backup → restore into a fresh DATA_DIR, tamper detection', async () => {
    const [envA, envB] = [{ DATA_DIR: tempDir() }, { DATA_DIR: tempDir() }];
    await (await openPglite(path.join(envA.DATA_DIR, 'pg'), new Blob([readFileSync(inject('pgliteTemplate'))]))).close();
    await scenario(envA, envB, (env) => openPglite(path.join(env.DATA_DIR, 'pg')));
  }, 600_000);

  it.runIf(inject('pgTemplate'))('PostgreSQL server: the same on databases of its own', async () => {
    const names = [await serverDatabase('cli_a'), await serverDatabase('cli_b', { empty: true })];
    const [envA, envB] = names.map((n) => ({ DATABASE_URL: serverUrl(n), DATA_DIR: '/nonexistent' }));
    await scenario(envA, envB, (env) => openPostgres(env.DATABASE_URL, 2));
  }, 600_000);
});
