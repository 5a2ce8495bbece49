import { loadConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { parseScaleArgs } from './plan.js';
import { seedScale } from './seed-scale.js';

/** `npm run cli -- seed-scale [--scale 0.01] [--committees N] [--members N] [--proposals N] [--opinions N] [--ledger N] [--years N] [--scores false]` */
export const seedScaleCommand = {
  usage: 'seed-scale [--scale 0.01] [--committees N] [--members N] [--proposals N] [--opinions N] [--ledger N] — 载入省级规模测试数据（仅空库；默认 100 个委员会、3 万委员、100 万件提案、1000 万条履职记录）',
  run: async (database: Database, args: string[]) => {
    const options = parseScaleArgs(args, chinaToday());
    console.log(`载入规模数据：${options.committees} 个委员会、${options.members} 名委员、${options.proposals} 件提案、${options.opinions} 篇社情民意、约 ${options.ledger} 条履职记录（${options.years} 年）`);
    const report = await seedScale(database, options, loadConfig().databaseUrl, (line) => console.log(line));
    console.log(`完成：载入 ${report.seconds.load.toFixed(1)} 秒，履职得分 ${report.seconds.scores.toFixed(1)} 秒`);
    for (const [table, n] of Object.entries(report.rows)) console.log(`  ${table}: ${n}`);
    console.log('账号：s000_admin（省政协）、s001_staff、s001_m00001、s001_u01 …，密码同演示数据');
  },
};
