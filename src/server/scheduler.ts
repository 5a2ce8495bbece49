import type { Database } from './db/client.js';
import { chinaToday } from './platform/calendar/workdays.js';
import { remindDueReplies } from './platform/handling/reminders.js';
import { closeUnratedProposals, remindRatings } from './modules/proposals/commands/rating-deadline.js';
import { purgeExpiredSessions } from './platform/auth/sessions.js';
import { loadConfig } from './config.js';
import { committees } from './platform/tenancy/schema.js';
import { getSettings } from './platform/settings/settings.js';
import { securitySettings } from './platform/settings/security.js';
import { purgeAudit } from './platform/audit/retention.js';
import { anchorAudit } from './platform/audit/anchor.js';

/** The periodic jobs, run in-process (the same code a queue worker would run against the server database). */
export async function runScheduledJobs(database: Database, now = new Date(), config = loadConfig()) {
  const today = chinaToday(now);
  const reminded = await remindDueReplies(database, today);
  const ratingReminders = await remindRatings(database, today);
  const closed = await closeUnratedProposals(database, today);
  await purgeExpiredSessions(database, { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours });
  let purged = 0;
  for (const c of await database.db.select({ id: committees.id }).from(committees)) {
    const { auditRetentionDays } = await getSettings(database.db, securitySettings, c.id, Number(chinaToday(now).slice(0, 4)));
    purged += await purgeAudit(database, c.id, auditRetentionDays, now);
  }
  const anchored = await anchorAudit(database.db, config.auditAnchors, now);
  return { reminded, ratingReminders, closed, purged, anchored };
}

/** Runs the jobs every hour (and once a minute after start); returns a stop function. */
export function startScheduler(database: Database): () => void {
  const run = () => runScheduledJobs(database).catch((err) => console.error('[scheduler]', err));
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, 3600_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
