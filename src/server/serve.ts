import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { bootstrapDatabase } from './db/bootstrap.js';
import { buildApp } from './app.js';
import { seedDemo } from './demo/seed.js';
import { startScheduler } from './scheduler.js';

export interface Serving {
  app: FastifyInstance;
  /** the port it listens on (config.port, or the one the system chose for port 0) */
  port: number;
  /** stops the background work, then the web server; the database stays open for its owner to close */
  stop(): Promise<void>;
}

/**
 * The product on an open database: migrations, the demo on first start, the web server and this
 * process's share of the background work. `main.ts` runs it as the server process; the browser
 * tests run the same thing inside their worker, which already has every module loaded.
 */
export async function serve(database: Database, config: Config, opts: { logger?: boolean } = {}): Promise<Serving> {
  await bootstrapDatabase(database);
  if (config.seedDemo) {
    const seeded = await seedDemo(database);
    if (seeded) console.log('已载入演示数据（龙岗区政协）');
  }
  // on the embedded database `cli backup` goes through this server: it finds the port and the secret in the lock file
  const opsToken = database.lock ? randomBytes(24).toString('base64url') : undefined;
  const app = await buildApp({ database, config, logger: opts.logger ?? true, opsToken });
  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as { port: number }).port;
  database.lock?.update({ port, opsToken });
  const stopScheduler = startScheduler(database, config, { onJob: app.services.metrics.job, onDelivery: app.services.metrics.delivery });
  return {
    app,
    port,
    async stop() {
      await stopScheduler();
      await app.close();
    },
  };
}
