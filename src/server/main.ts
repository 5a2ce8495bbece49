import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { bootstrapDatabase } from './db/bootstrap.js';
import { buildApp } from './app.js';
import { seedDemo } from './demo/seed.js';
import { startScheduler } from './scheduler.js';

const config = loadConfig();
const database = await openDatabase(config);
await bootstrapDatabase(database);
if (config.seedDemo) {
  const seeded = await seedDemo(database);
  if (seeded) console.log('已载入演示数据（龙岗区政协）');
}
const app = await buildApp({ database, config, logger: true });
await app.listen({ port: config.port, host: config.host });
const stopScheduler = startScheduler(database);
console.log(`商量 Shangliang 已启动：http://localhost:${config.port}  数据库：${database.kind}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    stopScheduler();
    await app.close();
    await database.close();
    process.exit(0);
  });
}
