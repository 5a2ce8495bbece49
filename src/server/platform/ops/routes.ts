import type { FastifyInstance } from 'fastify';
import { backupBytes } from '../../db/backup.js';
import { fromLoopback, hasToken } from './access.js';

/**
 * Operator endpoints outside /api (no session, not in the route table). `GET /metrics` is the
 * Prometheus exposition, readable from this host or with METRICS_TOKEN as a bearer token (a
 * scraper elsewhere); anyone else gets 403. `GET /ops/backup` gives
 * `cli backup` a consistent snapshot of the embedded database while this server holds its folder.
 * Only from this host, with the secret this process wrote into the folder's lock file (mode 0600,
 * readable by the account that runs the server).
 */
export async function opsRoutes(app: FastifyInstance) {
  const { database, config, metrics } = app.services;
  // the operator's endpoints are not part of the API contract
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!fromLoopback(req) && !hasToken(req, config.metricsToken)) {
      return reply.status(403).send({ code: 'forbidden', message: '监控指标只对本机或持监控令牌（METRICS_TOKEN）的请求开放' });
    }
    return reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get('/ops/backup', { schema: { hide: true } }, async (req, reply) => {
    if (!fromLoopback(req) || !hasToken(req, app.services.opsToken)) return reply.status(404).send({ code: 'not_found', message: '请求的地址不存在' });
    const { bytes, tables, rows } = await backupBytes(database);
    return reply.header('content-type', 'application/gzip').header('x-backup-tables', String(tables)).header('x-backup-rows', String(rows)).send(bytes);
  });
}
