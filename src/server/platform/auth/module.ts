import { defineModule } from '../modules/manifest.js';
import { authRoutes } from './routes.js';
import { purgeExpiredSessions } from './sessions.js';

/** 账号: login, sessions, password changes. */
export const authModule = defineModule({
  name: 'auth',
  label: '账号',
  routes: [authRoutes],
  jobs: (config) => [
    {
      name: 'auth.purge-sessions',
      everySeconds: 3600,
      realClock: true,
      run: (db, now) => purgeExpiredSessions(db, { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours }, now),
    },
  ],
});
