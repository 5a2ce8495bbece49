import { readFileSync } from 'node:fs';
import type { Database } from '../../../db/client.js';
import { systemActor } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors.js';
import { chinaToday } from '../../../platform/calendar/workdays.js';
import { committees } from '../../../platform/tenancy/schema.js';
import { importProposals } from './import-proposals.js';
import type { RowIssue } from './read-rows.js';

/** The committee named on the command line (short or full name); with none given, the only one there is. */
async function committeeFor(database: Database, name: string | undefined) {
  const all = await database.db.select().from(committees);
  const hit = name ? all.filter((c) => c.shortName === name || c.name === name) : all.length === 1 ? all : [];
  if (hit.length === 1) return hit[0];
  const known = all.map((c) => c.shortName).join('、') || '（无，请先建立委员会）';
  throw new Error(name ? `找不到委员会“${name}”。现有：${known}` : `请指定导入到哪个委员会，例如：import-proposals 提案.csv 龙岗区政协。现有：${known}`);
}

/** `npm run cli -- import-proposals <file.csv> [委员会简称]` */
export const importProposalsCommand = {
  usage: 'import-proposals <file.csv> [委员会简称] [来源政协] — 导入往年提案（列：proposal_number、personnel_name、reason、type、year、content）；来源政协：其他政协的提案目录时写明，如 江苏省政协',
  async run(database: Database, [file, name, origin]: string[]): Promise<number> {
    if (!file) {
      console.error('用法：import-proposals <file.csv> [委员会简称] [来源政协]');
      return 2;
    }
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      console.error(`无法读取文件：${file}`);
      return 2;
    }
    const committee = await committeeFor(database, name);
    try {
      // the command line is the clock's edge: the machine's time is the app's here
      const now = new Date();
      const actor = { ...systemActor(committee.id), name: '系统（命令行导入）' };
      const r = await importProposals({ database, actor, today: chinaToday(now), now }, { file: content, source: file, origin: origin?.trim() || null });
      console.log(`已导入往年提案到${committee.shortName}：共${r.total}件，新增${r.created}件，更新${r.updated}件，未变${r.unchanged}件；其中${r.linkedToMembers}件的提案人与本会委员对应`);
      return 0;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const rows = (err.details.rows ?? []) as RowIssue[];
      console.error(rows.length ? `导入文件有${rows.length}处问题，未导入任何提案：` : err.message);
      for (const r of rows) console.error(`  第${r.row}行 ${r.label}：${r.message}`);
      return 1;
    }
  },
};
