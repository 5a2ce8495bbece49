import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../../db/client.js';
import { outboxDepth, type DeliveryResult } from '../jobs/outbox.js';
import type { JobRun } from '../jobs/runner.js';
import { opsEvents, type OpsEvent } from './events.js';

/**
 * The process's Prometheus metrics (prom-client), one registry per app so tests that build
 * several apps do not collide. Routes are labelled by their template (/api/proposals/:id), never
 * the raw URL, so ids do not explode the series.
 */
export function createMetrics(database: Database) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'shangliang_' });
  const http = {
    requests: new Counter({ name: 'shangliang_http_requests_total', help: 'HTTP requests by route template and status', labelNames: ['method', 'route', 'status'], registers: [registry] }),
    duration: new Histogram({
      name: 'shangliang_http_request_duration_seconds', help: 'HTTP request latency by route template', labelNames: ['method', 'route'], registers: [registry],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
  };
  const db = {
    queries: new Histogram({ name: 'shangliang_db_query_duration_seconds', help: 'Database statement time', labelNames: ['outcome'], registers: [registry], buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10] }),
    pool: new Gauge({
      name: 'shangliang_db_pool_connections', help: 'Connections of the PostgreSQL pool (total, idle, waiting clients); the embedded database has one', labelNames: ['state'], registers: [registry],
      collect() {
        const p = database.poolStats?.() ?? { total: 1, idle: 0, waiting: 0 };
        for (const [state, n] of Object.entries(p)) this.set({ state }, n);
      },
    }),
  };
  const jobs = {
    runs: new Counter({ name: 'shangliang_job_runs_total', help: 'Scheduled job runs by job and outcome', labelNames: ['job', 'outcome'], registers: [registry] }),
    duration: new Histogram({ name: 'shangliang_job_duration_seconds', help: 'Scheduled job run time', labelNames: ['job'], registers: [registry], buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900] }),
  };
  const outbox = {
    deliveries: new Counter({ name: 'shangliang_outbox_deliveries_total', help: 'Outbox rows handled by this process: delivered, retried later, given up', labelNames: ['outcome'], registers: [registry] }),
    depth: new Gauge({
      name: 'shangliang_outbox_rows', help: 'Outbox rows waiting for delivery (pending) and given up (failed), across all processes', labelNames: ['state'], registers: [registry],
      async collect() {
        const d = await outboxDepth(database);
        this.set({ state: 'pending' }, d.pending);
        this.set({ state: 'failed' }, d.failed);
      },
    }),
  };
  const logins = {
    failures: new Counter({ name: 'shangliang_login_failures_total', help: 'Failed logins (wrong name or password)', registers: [registry] }),
    lockouts: new Counter({ name: 'shangliang_login_lockouts_total', help: 'Accounts locked after repeated failures', registers: [registry] }),
  };
  const listeners: [OpsEvent, () => void][] = [
    ['login.failed', () => logins.failures.inc()],
    ['login.lockout', () => logins.lockouts.inc()],
  ];
  for (const [event, fn] of listeners) opsEvents.on(event, fn);
  const stopObserving = database.observeQueries?.((seconds, failed) => db.queries.observe({ outcome: failed ? 'error' : 'ok' }, seconds));

  return {
    registry,
    /** times every request; registered before the routes */
    instrument(app: FastifyInstance) {
      app.addHook('onResponse', async (req, reply) => {
        const route = req.routeOptions.url ?? 'unmatched';
        const labels = { method: req.method, route };
        http.requests.inc({ ...labels, status: String(reply.statusCode) });
        http.duration.observe(labels, reply.elapsedTime / 1000);
      });
      app.addHook('onClose', async () => {
        for (const [event, fn] of listeners) opsEvents.off(event, fn);
        stopObserving?.();
      });
    },
    job(run: JobRun) {
      jobs.runs.inc({ job: run.name, outcome: run.ok ? 'ok' : 'failed' });
      jobs.duration.observe({ job: run.name }, run.seconds);
    },
    delivery(r: DeliveryResult) {
      if (r.delivered) outbox.deliveries.inc({ outcome: 'delivered' }, r.delivered);
      if (r.retried) outbox.deliveries.inc({ outcome: 'retried' }, r.retried);
      if (r.failed) outbox.deliveries.inc({ outcome: 'failed' }, r.failed);
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
