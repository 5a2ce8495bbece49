import { loadConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { bootstrapDatabase } from './db/bootstrap.js';
import { backupTo, restoreFrom } from './db/backup.js';
import { seedDemo } from './demo/seed.js';
import { loadCalendar } from './platform/calendar/store.js';
import { addWorkdays } from './platform/calendar/workdays.js';
import { verifyAuditChain } from './platform/audit/audit.js';
import { anchorAudit } from './platform/audit/anchor.js';
import { cliCommands as moduleCommands } from './cli-modules.js';

type Command = { usage: string; run: (database: Database, args: string[]) => Promise<number | void> };

/** `npm run cli -- <command>`: operations an administrator runs on the server. */
const commands: Record<string, Command> = {
  migrate: { usage: 'migrate — 升级数据库结构', run: async () => console.log('数据库结构已是最新') },
  'seed-demo': {
    usage: 'seed-demo — 载入演示数据（仅空库）',
    run: async (db) => console.log((await seedDemo(db)) ? '已载入演示数据' : '数据库非空，未载入演示数据'),
  },
  'workdays-add': {
    usage: 'workdays-add <YYYY-MM-DD> <n> — 输出 n 个工作日后的日期',
    run: async (db, [from, n]) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(from ?? '') || !/^-?\d+$/.test(n ?? '')) return fail('用法：workdays-add <YYYY-MM-DD> <n>');
      console.log(addWorkdays(await loadCalendar(db.db), from, Number(n)));
    },
  },
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
  'anchor-audit': {
    usage: 'anchor-audit — 把各审计链的最新位置记入外部锚点文件（定时任务每小时也会记）',
    run: async (db) => console.log(`已记录 ${await anchorAudit(db.db, loadConfig().auditAnchors)} 条审计锚点到 ${loadConfig().auditAnchors.file}`),
  },
  'verify-audit': {
    usage: 'verify-audit — 校验审计日志哈希链与外部锚点',
    run: async (db) => {
      const broken = await verifyAuditChain(db.db, loadConfig().auditAnchors);
      if (broken.length === 0) return void console.log('审计日志完整，未发现篡改');
      for (const b of broken) console.error(b.committeeId ? `委员会 ${b.committeeId} 第 ${b.seq} 条：${b.reason}` : b.reason);
      return 1;
    },
  },
  ...moduleCommands,
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
const database = await openDatabase(loadConfig());
let code = 0;
try {
  await bootstrapDatabase(database);
  code = (await command.run(database, args)) ?? 0;
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  code = 1;
} finally {
  await database.close();
}
process.exit(code);
