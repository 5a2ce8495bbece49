import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../src/server/db/client.js';
import { bootstrapDatabase } from '../src/server/db/bootstrap.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { serverUrl, pgAdminUrl } from './support/pg-url.js';

/**
 * Builds the demo database once per run — a PGlite data-dir dump and, when the PostgreSQL server
 * is reachable, a template database — so each test file starts from a copy in well under a second.
 */
/**
 * `npm test` builds the web client here (BUILD_WEB=1), while the demo is seeded: the build is
 * another process, the seeding this one and the database server. A single file run by hand uses
 * the dist/web already built.
 */
function buildWeb(): Promise<void> {
  if (process.env.BUILD_WEB !== '1') return Promise.resolve();
  return new Promise((resolve, reject) => {
    // NODE_ENV is 'test' inside vitest: a build that inherited it would be React's and antd's development
    // build (their warnings in every page's console), not the production build `npm start` serves
    const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build 失败（退出码 ${code}）`))));
  });
}

export default async function setup(project: TestProject) {
  const building = buildWeb();
  const dir = path.resolve('.test-data');
  mkdirSync(dir, { recursive: true });
  const runId = `${process.pid}`;
  project.provide('runId', runId);
  const template = `sl_template_${runId}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl() });
  let pgReady = false;
  try {
    await admin.connect();
    pgReady = true;
  } catch (err) {
    if (process.env.CI || process.env.TEST_POSTGRES === '1') throw new Error(`PostgreSQL server not reachable at ${pgAdminUrl()}: ${err}`);
    console.warn('[tests] PostgreSQL server not reachable: running service tests on PGlite only');
  }

  // the two templates are seeded at once: PGlite works in this process, the server in its own
  const pglite = async () => {
    const lite = await openPglite();
    await bootstrapDatabase(lite);
    await seedDemo(lite);
    // a plain tar: each of the ~170 copies the run opens would otherwise be gunzipped again (a third of an open)
    const dump = await lite.pglite!.dumpDataDir('none');
    await lite.close();
    const dumpFile = path.join(dir, `template-${process.pid}.tar`);
    writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteTemplate', dumpFile);
  };
  const postgres = async () => {
    if (!pgReady || process.env.TEST_POSTGRES === '0') return project.provide('pgTemplate', '');
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    // seeding commits thousands of times, and the template is thrown away with the run: no WAL flush waited for
    await admin.query(`alter database ${template} set synchronous_commit = off`);
    const server = await openPostgres(serverUrl(template), 2);
    await bootstrapDatabase(server);
    await seedDemo(server);
    await server.close();
    project.provide('pgTemplate', template);
  };
  await Promise.all([pglite(), postgres(), building]);

  return async () => {
    if (pgReady) {
      const leftovers = await admin.query(`select datname from pg_database where datname like $2 or datname = $1`, [template, `sl_t_${runId}_%`]);
      // the run's databases, dropped here rather than by each file (see serverDatabase): a few at a
      // time, so the checkpoints their drops request are shared
      const names = leftovers.rows.map((r) => r.datname as string);
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          const dropper = new pg.Client({ connectionString: pgAdminUrl() });
          await dropper.connect();
          for (let name = names.pop(); name; name = names.pop()) await dropper.query(`drop database if exists ${name} with (force)`);
          await dropper.end();
        }),
      );
      await admin.end();
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
    runId: string;
  }
}
