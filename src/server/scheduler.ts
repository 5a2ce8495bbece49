import type { Database } from './db/client.js';
import type { Config } from './config.js';
import { loadConfig } from './config.js';
import { registry } from './modules/index.js';
import { startJobRunner, type JobDefinition, type JobRun } from './platform/jobs/runner.js';
import { startOutboxWorker, type DeliveryResult, type OutboxChannel } from './platform/jobs/outbox.js';
import { webhookChannel } from './platform/notifications/webhook.js';
import { outsideChannel } from './platform/notifications/outside.js';
import { sendDue, transportsOf } from './platform/notifications/send.js';

/** The periodic jobs of every module (modules/index.ts). Each runs once per period across every process on the database (see runner.ts). */
export const scheduledJobList = (config: Config): JobDefinition[] => registry.jobs(config);

/** The channels that carry outbox effects out of the process, as configured. */
export function outboxChannels(config: Config): OutboxChannel[] {
  const transports = transportsOf(config);
  return [
    ...(config.notifyWebhook ? [webhookChannel(config.notifyWebhook)] : []),
    // e-mail and SMS to the people who chose them: queued per person, what is due sent at once
    ...(transports.email || transports.sms ? [outsideChannel({ email: !!transports.email, sms: !!transports.sms, afterFanOut: (database) => sendDue(database, transports, { base: config.appUrl }) })] : []),
  ];
}

/** Every job once, now, in this process, without the schedule (tests; an operator's manual run): each job's result by its name. */
export async function runScheduledJobs(database: Database, now = new Date(), config = loadConfig()): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const job of scheduledJobList(config)) results[job.name] = await job.run(database, job.realClock ? new Date() : now);
  return results;
}

export interface SchedulerHooks {
  onJob?: (run: JobRun) => void;
  onDelivery?: (r: DeliveryResult) => void;
}

/**
 * Starts this process's share of the background work: the job runner (a look every minute) and
 * the outbox worker. With JOBS=0 neither runs here (a web-only node). Returns a stop function that
 * waits for the work in progress.
 */
export function startScheduler(database: Database, config: Config, hooks: SchedulerHooks = {}): () => Promise<void> {
  if (!config.jobs) return async () => undefined;
  const stopJobs = startJobRunner(database, scheduledJobList(config), {
    onRun: (r) => {
      hooks.onJob?.(r);
      if (!r.ok) console.error(`[scheduler] 定时任务 ${r.name} 失败：${r.error}`);
    },
    onError: (err) => console.error('[scheduler]', err instanceof Error ? err.message : err),
  });
  const worker = startOutboxWorker(database, outboxChannels(config), {
    onResult: hooks.onDelivery,
    onError: (err) => console.error('[outbox]', err instanceof Error ? err.message : err),
  });
  return async () => {
    await Promise.all([stopJobs(), worker.stop()]);
  };
}
