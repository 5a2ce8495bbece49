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
  /** run the scheduled jobs and the outbox deliveries in this process (JOBS=0 on web-only nodes; any number may run them) */
  jobs: boolean;
  /** the webhook channel of notices (NOTIFY_WEBHOOK_URL, with NOTIFY_WEBHOOK_TOKEN as its bearer token) */
  notifyWebhook?: { url: string; token?: string };
  /** e-mail to the people who choose it (SMTP_URL such as smtps://user:pass@mail.example.gov.cn:465, MAIL_FROM the sender) */
  smtp?: { url: string; from: string };
  /** the SMS / WeChat gateway the notices of people who choose SMS are POSTed to, signed with SMS_GATEWAY_SECRET (HMAC-SHA256) */
  smsGateway?: { url: string; secret: string };
  /** the address people open the app at (APP_URL), so links in e-mail and SMS work outside it */
  appUrl: string;
  /** bearer token that lets a scraper on another host read /metrics (without it: this host only) */
  metricsToken?: string;
}

/**
 * Where the audit anchors go by default: beside the embedded database, or — on a PostgreSQL
 * server — in a file named after the server and database, so two deployments sharing a folder
 * (or ./data) never mix their anchors and `verify-audit` never judges one by the other's heads.
 */
export function defaultAnchorFile(dataDir: string, databaseUrl?: string): string {
  if (!databaseUrl) return path.join(dataDir, 'audit-anchors.jsonl');
  let id = 'postgres';
  try {
    const u = new URL(databaseUrl);
    id = `${u.hostname}_${u.port || 5432}_${decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres'}`;
  } catch {
    /* an unparsable URL fails at connect with its own message */
  }
  return path.join(dataDir, `audit-anchors-${id.replace(/[^\w.-]+/g, '_')}.jsonl`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir,
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    sessionMaxHours: Number(env.SESSION_MAX_HOURS ?? 12),
    seedDemo: env.SEED_DEMO !== '0',
    secureCookies: env.SECURE_COOKIES === '1',
    webDir: path.resolve(env.WEB_DIR ?? './dist/web'),
    trustProxy: env.TRUST_PROXY === '1' ? true : env.TRUST_PROXY === '0' ? false : env.TRUST_PROXY || 'loopback',
    auditAnchors: { file: path.resolve(env.AUDIT_ANCHOR_FILE ?? defaultAnchorFile(dataDir, databaseUrl)), key: env.AUDIT_ANCHOR_KEY || undefined },
    jobs: env.JOBS !== '0',
    metricsToken: env.METRICS_TOKEN || undefined,
    notifyWebhook: env.NOTIFY_WEBHOOK_URL ? { url: env.NOTIFY_WEBHOOK_URL, token: env.NOTIFY_WEBHOOK_TOKEN || undefined } : undefined,
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.MAIL_FROM || '商量政协工作平台 <noreply@localhost>' } : undefined,
    // an unsigned gateway would accept anyone's posts: without a secret there is no SMS channel
    appUrl: (env.APP_URL ?? '').replace(/\/$/, ''),
    smsGateway: env.SMS_GATEWAY_URL && env.SMS_GATEWAY_SECRET ? { url: env.SMS_GATEWAY_URL, secret: env.SMS_GATEWAY_SECRET } : undefined,
  };
}
