import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../db/raw.js';
import { scheduledJobs } from './schema.js';

/** A periodic job: what it does and how often (its row in scheduled_jobs keeps when it runs next). */
export interface JobDefinition {
  name: string;
  everySeconds: number;
  run(database: Database, now: Date): Promise<unknown>;
  /** runs by the real clock even when a test or an operator's manual run moves `now` (sessions expire in real time) */
  realClock?: boolean;
}

export interface JobRun {
  name: string;
  ok: boolean;
  result?: unknown;
  error?: string;
  seconds: number;
}

/** This process, as it signs its claims. */
export const processOwner = () => `${hostname()}:${process.pid}`;

const iso = (d: Date) => d.toISOString();

/**
 * Runs every job that is due, each in at most one process at a time: a job is run only by the
 * process whose `update … where name = (select … for update skip locked)` claimed its row, and the
 * claim moves `next_run_at` on only when the run ends — so two servers whose ticks overlap run an
 * hourly job once an hour, and a runner that crashes mid-job leaves a claim that simply runs out.
 */
export async function runDueJobs(database: Database, jobs: readonly JobDefinition[], o: { now?: Date; owner?: string; firstRunDelaySeconds?: number } = {}): Promise<JobRun[]> {
  const now = o.now ?? new Date();
  const owner = o.owner ?? processOwner();
  const first = new Date(now.getTime() + (o.firstRunDelaySeconds ?? 0) * 1000);
  for (const job of jobs) {
    await database.db.insert(scheduledJobs).values({ name: job.name, nextRunAt: first }).onConflictDoNothing();
  }
  const runs: JobRun[] = [];
  for (const job of jobs) {
    const claimed = rowsOf(
      await database.db.execute(sql`
        update ${scheduledJobs} set locked_by = ${owner}, locked_until = ${iso(new Date(now.getTime() + job.everySeconds * 1000))}::timestamptz,
          last_started_at = ${iso(now)}::timestamptz, runs = runs + 1
        where name = (
          select name from ${scheduledJobs}
          where name = ${job.name} and next_run_at <= ${iso(now)}::timestamptz and (locked_until is null or locked_until < ${iso(now)}::timestamptz)
          for update skip locked)
        returning name`),
    );
    if (claimed.length === 0) continue;
    const started = Date.now();
    try {
      const result = await job.run(database, now);
      await database.db.execute(sql`
        update ${scheduledJobs} set next_run_at = ${iso(new Date(now.getTime() + job.everySeconds * 1000))}::timestamptz, locked_by = null, locked_until = null,
          last_finished_at = ${iso(new Date())}::timestamptz, last_error = null
        where name = ${job.name} and locked_by = ${owner}`);
      runs.push({ name: job.name, ok: true, result, seconds: (Date.now() - started) / 1000 });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // tried again after a few minutes, not an hour: a passing fault (a restart of the database) should not cost a whole period
      const retry = Math.min(job.everySeconds, 300);
      await database.db.execute(sql`
        update ${scheduledJobs} set next_run_at = ${iso(new Date(now.getTime() + retry * 1000))}::timestamptz, locked_by = null, locked_until = null,
          last_finished_at = ${iso(new Date())}::timestamptz, last_error = ${message.slice(0, 1000)}, failures = failures + 1
        where name = ${job.name} and locked_by = ${owner}`);
      runs.push({ name: job.name, ok: false, error: message, seconds: (Date.now() - started) / 1000 });
    }
  }
  return runs;
}

/**
 * Looks for due jobs every `tickSeconds` (a minute by default); returns a stop function (which waits for the run in progress). New jobs
 * first run `firstRunDelaySeconds` after the first process that knows them starts.
 */
export function startJobRunner(database: Database, jobs: readonly JobDefinition[], o: { tickSeconds?: number; firstRunDelaySeconds?: number; onRun?: (r: JobRun) => void; onError?: (err: unknown) => void } = {}): () => Promise<void> {
  let busy: Promise<void> | null = null;
  const tick = () => {
    if (busy) return busy;
    busy = (async () => {
      try {
        for (const r of await runDueJobs(database, jobs, { firstRunDelaySeconds: o.firstRunDelaySeconds ?? 60 })) o.onRun?.(r);
      } catch (err) {
        o.onError?.(err);
      } finally {
        busy = null;
      }
    })();
    return busy;
  };
  const first = setTimeout(tick, 1000);
  const every = setInterval(tick, (o.tickSeconds ?? 60) * 1000);
  first.unref();
  every.unref();
  // stopping waits for a run in progress: a job is not cut off mid-way by a graceful shutdown
  return async () => {
    clearTimeout(first);
    clearInterval(every);
    await busy;
  };
}
