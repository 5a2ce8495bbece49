import path from 'node:path';

/** Runtime configuration, from the environment only (twelve-factor). */
export interface Config {
  port: number;
  host: string;
  /** postgres://… selects the PostgreSQL server; otherwise PGlite on disk in dataDir */
  databaseUrl?: string;
  dataDir: string;
  /** idle session timeout (minutes) */
  sessionIdleMinutes: number;
  /** absolute session lifetime (hours) */
  sessionMaxHours: number;
  /** load the demo committee on first start when the database is empty */
  seedDemo: boolean;
  /** cookie Secure flag: on behind HTTPS */
  secureCookies: boolean;
  /** serve the built web client from this folder */
  webDir: string;
  /** which reverse proxies' X-Forwarded-For to believe: addresses/CIDRs, or 'loopback' (a proxy on this host) */
  trustProxy: boolean | string;
  /** where the audit chains' heads are anchored outside the database (best: another host or write-once storage), and the HMAC key of its lines */
  auditAnchors: { file: string; key?: string };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    sessionMaxHours: Number(env.SESSION_MAX_HOURS ?? 12),
    seedDemo: env.SEED_DEMO !== '0',
    secureCookies: env.SECURE_COOKIES === '1',
    webDir: path.resolve(env.WEB_DIR ?? './dist/web'),
    trustProxy: env.TRUST_PROXY === '1' ? true : env.TRUST_PROXY === '0' ? false : env.TRUST_PROXY || 'loopback',
    auditAnchors: { file: path.resolve(env.AUDIT_ANCHOR_FILE ?? path.join(env.DATA_DIR ?? './data', 'audit-anchors.jsonl')), key: env.AUDIT_ANCHOR_KEY || undefined },
  };
}
