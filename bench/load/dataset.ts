import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openPostgres } from '../../src/server/db/client.js';
import { bootstrapDatabase } from '../../src/server/db/bootstrap.js';
import { chinaToday } from '../../src/server/platform/calendar/workdays.js';
import { parseScaleArgs } from '../../src/server/demo/scale/plan.js';
import { seedScale } from '../../src/server/demo/scale/seed-scale.js';
import { finishedLoad, guardDatabase, markLoaded } from '../scratch-db.js';

/**
 * The province-scale dataset the load runs on (`seed-scale`, src/server/demo/scale/), in a database
 * of its own on the PostgreSQL server. LOAD_SCALE shrinks it (default 1: 100 committees, 30,000
 * members, a million proposals — loading takes a long while); LOAD_KEEP=1 keeps the loaded database
 * for the next run at the same scale and reuses it (what the runs add — drafts, submissions,
 * replies — stays in it: a few thousand rows against a million).
 */
export interface LoadDataset {
  name: string;
  url: string;
  scale: number;
  /** seconds to load it, null when a kept one was reused */
  loadSeconds: number | null;
  /** drops it unless it is kept */
  release(): Promise<void>;
}

export function loadScale(): number {
  const scale = Number(process.env.LOAD_SCALE ?? 1);
  if (!(scale > 0 && scale <= 1)) throw new Error(`LOAD_SCALE: a share of the province dataset in (0, 1], not ${process.env.LOAD_SCALE}`);
  return scale;
}

export async function provinceDataset(server: string, log: (line: string) => void = console.log): Promise<LoadDataset> {
  const scale = loadScale();
  const keep = process.env.LOAD_KEEP === '1';
  const name = keep ? `sl_bench_load_${String(scale).replace('.', '_')}` : `sl_bench_load_${process.pid}`;
  const url = `${server}/${name}`;
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  const drop = () => admin.query(`drop database if exists ${name} with (force)`);
  try {
    if (keep && (await finishedLoad(admin, name))) {
      log(`reusing ${name} (LOAD_KEEP=1)`);
      const unguard = guardDatabase(server, name, { keep });
      return { name, url, scale, loadSeconds: null, release: async () => unguard() };
    }
    await drop();
    await admin.query(`create database ${name}`);
    // stopped while loading or measuring: a scratch database is dropped, a kept one is found unfinished and loaded again
    const unguard = guardDatabase(server, name, { keep });
    const database = await openPostgres(url, 2);
    const t0 = performance.now();
    try {
      await bootstrapDatabase(database);
      await seedScale(database, parseScaleArgs(['--scale', String(scale)], chinaToday()), url, (line) => log(`  seed-scale: ${line}`));
    } catch (err) {
      await database.close();
      await drop();
      throw err;
    }
    await database.close();
    await markLoaded(admin, name);
    return {
      name, url, scale, loadSeconds: (performance.now() - t0) / 1000,
      release: async () => {
        unguard();
        if (keep) return;
        const a = new pg.Client({ connectionString: `${server}/postgres` });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  } finally {
    await admin.end();
  }
}
