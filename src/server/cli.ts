import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { bootstrapDatabase } from './db/bootstrap.js';
import { backupTo, restoreFrom } from './db/backup.js';
import { registry } from './modules/index.js';
import type { CliCommand } from './platform/modules/manifest.js';
import { describeHolder, liveHolder } from './db/data-dir-lock.js';
import { isKnownStartupError, startupMessage } from './startup-errors.js';

/** `npm run cli -- <command>`: operations an administrator runs on the server — the database's own, then every module's (modules/index.ts). */
const commands: Record<string, CliCommand> = {
  migrate: { usage: 'migrate — 升级数据库结构', run: async () => console.log('数据库结构已是最新') },
  backup: {
    usage: 'backup <file> — 备份全部数据到文件',
    run: async (db, [file]) => {
      if (!file) return fail('用法：backup <file>');
      const r = await backupTo(db, file);
      console.log(`已备份 ${r.tables} 张表、${r.rows} 行到 ${file}`);
    },
  },
  restore: {
    usage: 'restore <file> — 从备份文件恢复（覆盖现有数据）',
    run: async (db, [file]) => {
      if (!file) return fail('用法：restore <file>');
      const r = await restoreFrom(db, file);
      console.log(`已恢复 ${r.tables} 张表、${r.rows} 行`);
    },
  },
  ...Object.fromEntries(registry.cli),
};

function fail(message: string): number {
  console.error(message);
  return 2;
}

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.error(`用法：npm run cli -- <命令>\n${Object.values(commands).map((c) => '  ' + c.usage).join('\n')}`);
  process.exit(name ? 2 : 0);
}
/**
 * `backup` while a server holds the embedded database's folder: the server takes the snapshot (a
 * second opener would corrupt the folder), found through the port and secret in its lock file.
 * Returns null when no server holds it (the command then opens the folder itself).
 */
async function backupThroughServer(config: Config, file: string | undefined): Promise<number | null> {
  if (config.databaseUrl || !file) return null;
  const holder = liveHolder(path.join(config.dataDir, 'pg'));
  if (!holder) return null;
  if (holder.role !== 'server' || !holder.port || !holder.opsToken) {
    console.error(`数据目录 ${config.dataDir} 正被另一个进程使用（${describeHolder(holder)}），且它不是运行中的服务器，无法通过它备份：请等它结束后重试`);
    return 1;
  }
  let res: Response;
  try {
    res = await fetch(`http://127.0.0.1:${holder.port}/ops/backup`, { headers: { authorization: `Bearer ${holder.opsToken}` } });
  } catch (err) {
    console.error(`无法连接正在使用数据目录的服务器（${describeHolder(holder)}）：${(err as Error).message}。请确认它在本机运行后重试`);
    return 1;
  }
  if (!res.ok) {
    console.error(`服务器（${describeHolder(holder)}）拒绝了备份请求（HTTP ${res.status}）：请确认本命令与服务器以同一账户、在同一台机器上运行`);
    return 1;
  }
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  console.log(`已通过运行中的服务器（进程 ${holder.pid}）备份 ${res.headers.get('x-backup-tables')} 张表、${res.headers.get('x-backup-rows')} 行到 ${file}`);
  return 0;
}

const config = loadConfig();
const viaServer = name === 'backup' ? await backupThroughServer(config, args[0]) : null;
if (viaServer !== null) process.exit(viaServer);

let database: Database | undefined;
let code = 0;
try {
  database = await openDatabase(config, `cli ${name}`);
  await bootstrapDatabase(database);
  code = (await command.run(database, args)) ?? 0;
} catch (err) {
  console.error(startupMessage(err, config).replace(/^启动失败：/, ''));
  if (!isKnownStartupError(err, config) && process.env.DEBUG) console.error(err);
  code = 1;
} finally {
  await database?.close();
}
process.exit(code);
