import { randomBytes } from 'node:crypto';
import { loadConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { bootstrapDatabase } from './db/bootstrap.js';
import { buildApp } from './app.js';
import { seedDemo } from './demo/seed.js';
import { startScheduler } from './scheduler.js';
import { isKnownStartupError, probePort, startupMessage } from './startup-errors.js';

const config = loadConfig();
let database: Database | undefined;
try {
  // cheap checks first: a taken port or a locked folder must not wait for (or follow) the migrations
  await probePort(config.port, config.host);
  database = await openDatabase(config);
  await database.query('select 1');
  await bootstrapDatabase(database);
  if (config.seedDemo) {
    const seeded = await seedDemo(database);
    if (seeded) console.log('已载入演示数据（龙岗区政协）');
  }
  // on the embedded database `cli backup` goes through this server: it finds the port and the secret in the lock file
  const opsToken = database.lock ? randomBytes(24).toString('base64url') : undefined;
  const app = await buildApp({ database, config, logger: true, opsToken });
  await app.listen({ port: config.port, host: config.host });
  database.lock?.update({ port: config.port, opsToken });
  const stopScheduler = startScheduler(database, config, { onJob: app.services.metrics.job, onDelivery: app.services.metrics.delivery });
  console.log(`商量 Shangliang 已启动：http://localhost:${config.port}  数据库：${database.kind}`);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      await stopScheduler();
      await app.close();
      await database!.close();
      process.exit(0);
    });
  }
} catch (err) {
  console.error(startupMessage(err, config));
  if (!isKnownStartupError(err, config)) console.error(err);
  await database?.close().catch(() => undefined);
  process.exit(1);
}
