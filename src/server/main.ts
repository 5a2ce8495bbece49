import { loadConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { serve } from './serve.js';
import { isKnownStartupError, probePort, startupMessage } from './startup-errors.js';

const config = loadConfig();
let database: Database | undefined;
try {
  // cheap checks first: a taken port or a locked folder must not wait for (or follow) the migrations
  await probePort(config.port, config.host);
  database = await openDatabase(config);
  await database.query('select 1');
  const serving = await serve(database, config);
  console.log(`商量 Shangliang 已启动：http://localhost:${config.port}  数据库：${database.kind}`);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      await serving.stop();
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
