import type { Database } from '../../db/client.js';
import { loadConfig } from '../../config.js';
import { chinaToday } from '../calendar/workdays.js';
import { defineModule } from '../modules/manifest.js';
import { getSettings } from '../settings/settings.js';
import { committees } from '../tenancy/schema.js';
import { verifyAuditChain } from './audit.js';
import { anchorAudit } from './anchor.js';
import { purgeAudit } from './retention.js';
import { auditRoutes } from './routes.js';
import { securitySettings } from './settings.js';

/** Every committee's audit rows past its configured retention. */
async function purgeAuditAll(database: Database, now: Date): Promise<number> {
  let purged = 0;
  for (const c of await database.db.select({ id: committees.id }).from(committees)) {
    const { auditRetentionDays } = await getSettings(database.db, securitySettings, c.id, Number(chinaToday(now).slice(0, 4)));
    purged += await purgeAudit(database, c.id, auditRetentionDays, now);
  }
  return purged;
}

/** 审计日志: the auditor's page, retention, the external anchors and the chain check. */
export const auditModule = defineModule({
  name: 'audit',
  label: '审计日志',
  routes: [auditRoutes],
  settings: [securitySettings],
  jobs: (config) => [
    { name: 'audit.purge', everySeconds: 3600, run: (db, now) => purgeAuditAll(db, now) },
    { name: 'audit.anchor', everySeconds: 3600, run: (db, now) => anchorAudit(db.db, config.auditAnchors, now) },
  ],
  cli: {
    'anchor-audit': {
      usage: 'anchor-audit — 把各审计链的最新位置记入外部锚点文件（定时任务每小时也会记）',
      run: async (db) => console.log(`已记录 ${await anchorAudit(db.db, loadConfig().auditAnchors)} 条审计锚点到 ${loadConfig().auditAnchors.file}`),
    },
    'verify-audit': {
      usage: 'verify-audit — 校验审计日志哈希链与外部锚点',
      async run(db) {
        const broken = await verifyAuditChain(db.db, loadConfig().auditAnchors);
        if (broken.length === 0) return void console.log('审计日志完整，未发现篡改');
        for (const b of broken) console.error(b.committeeId ? `委员会 ${b.committeeId} 第 ${b.seq} 条：${b.reason}` : b.reason);
        return 1;
      },
    },
  },
});
