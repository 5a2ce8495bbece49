import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../src/server/db/client.js';
import { pgAdminUrl, serverUrl } from './pg-url.js';

export type DbKind = 'pglite' | 'postgres';

/** The databases service tests run on: PGlite always, the PostgreSQL server when it is up (always in CI). */
export const dbKinds: DbKind[] = inject('pgTemplate') ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh copy of the demo database. Close it when done. */
export async function freshDatabase(kind: DbKind): Promise<Database> {
  if (kind === 'pglite') {
    const dump = readFileSync(inject('pgliteTemplate'));
    return openPglite(undefined, new Blob([dump]));
  }
  const name = `sl_t_${inject('runId')}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl() });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
  } finally {
    await admin.end();
  }
  const database = await openPostgres(serverUrl(name), 10);
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      const a = new pg.Client({ connectionString: pgAdminUrl() });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
