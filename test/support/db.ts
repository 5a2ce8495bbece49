import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../src/server/db/client.js';
import { pgAdminUrl, serverUrl } from './pg-url.js';

export type DbKind = 'pglite' | 'postgres';

/** The databases service tests run on: PGlite always, the PostgreSQL server when it is up (always in CI). */
export const dbKinds: DbKind[] = inject('pgTemplate') ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A database of this run on the PostgreSQL server, `sl_t_<run>_<suffix>`: a copy of the run's demo
 * template, or empty. Tests do not drop it: global setup's teardown drops the run's databases
 * together once every file is done. PostgreSQL forces a checkpoint for each DROP DATABASE (every
 * dirty page of every database written and synced, the dropper waiting for it), and a run makes a
 * hundred of them: dropped file by file they were bursts of disk writes beside every other test.
 * Commits on it do not wait for the WAL flush either: a test database is thrown away, and the PostgreSQL
 * server stays up when a test kills the application. `durable` keeps the server's default, for the
 * crash tests that ask what an acknowledged write survives.
 */
export async function serverDatabase(suffix: string, o: { empty?: boolean; durable?: boolean } = {}): Promise<string> {
  const name = `sl_t_${inject('runId')}_${suffix}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(o.empty ? `create database ${name}` : `create database ${name} template ${inject('pgTemplate')}`);
    if (!o.durable) await admin.query(`alter database ${name} set synchronous_commit = off`);
  } finally {
    await admin.end();
  }
  return name;
}

/** A fresh copy of the demo database. Close it when done (the server's copy is dropped at the end of the run: serverDatabase). */
export async function freshDatabase(kind: DbKind): Promise<Database> {
  if (kind === 'pglite') {
    const dump = readFileSync(inject('pgliteTemplate'));
    return openPglite(undefined, new Blob([dump]));
  }
  return openPostgres(serverUrl(await serverDatabase(randomBytes(5).toString('hex'))), 10);
}
