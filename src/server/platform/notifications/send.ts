import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../db/raw.js';
import { backoffSeconds } from '../jobs/outbox.js';
import { notificationDeliveries } from './schema.js';

/** One message to one address: a single notice, or a digest of several. */
export interface OutsideMessage {
  /** the delivery rows it carries, in `Idempotency-Key` for the gateway */
  ids: number[];
  to: string;
  subject: string;
  text: string;
}

/** How a channel's messages leave the server; throws to be retried. */
export type Transport = (m: OutsideMessage) => Promise<void>;

/** E-mail over SMTP (nodemailer), plain text in Chinese. */
export function mailTransport(o: { url: string; from: string }): Transport {
  const transporter = nodemailer.createTransport(o.url);
  return async (m) => {
    await transporter.sendMail({ from: o.from, to: m.to, subject: m.subject, text: m.text });
  };
}

/**
 * The SMS / WeChat gateway: a JSON POST signed with HMAC-SHA256 over `<timestamp>.<body>` in
 * `X-Shangliang-Signature` (with the timestamp in `X-Shangliang-Timestamp`, so a receiver can refuse
 * a replay), and the delivery ids as the idempotency key.
 */
export function gatewayTransport(o: { url: string; secret: string; timeoutMs?: number }): Transport {
  return async (m) => {
    const body = JSON.stringify({ to: m.to, text: `${m.subject}${m.text ? `：${m.text}` : ''}`, ids: m.ids });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const res = await fetch(o.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': `shangliang-delivery-${m.ids.join('-')}`,
        'x-shangliang-timestamp': timestamp,
        'x-shangliang-signature': `sha256=${signatureOf(o.secret, timestamp, body)}`,
      },
      body,
      signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
    });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  };
}

export const signatureOf = (secret: string, timestamp: string, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** The transports this server has, by channel, as configured. */
export const transportsOf = (config: Config): Partial<Record<string, Transport>> => ({
  ...(config.smtp ? { email: mailTransport(config.smtp) } : {}),
  ...(config.smsGateway ? { sms: gatewayTransport(config.smsGateway) } : {}),
});

interface Claimed {
  id: number;
  /** the outbox row: notices are fanned out concurrently, so this, not the id, is their order */
  event_id: number;
  user_id: string;
  channel: string;
  address: string;
  digest: boolean;
  title: string;
  body: string;
  link: string | null;
  attempts: number;
}

/** A notice's text: what it says and where to look in the app. */
const textOf = (d: Pick<Claimed, 'body' | 'link'>, base: string) => [d.body, d.link ? `查看：${d.link.startsWith('/') ? base + d.link : d.link}` : ''].filter(Boolean).join('\n');

/** Rows due now become messages: each instant notice alone, a person's digest rows as one message. */
export function messagesOf(rows: Claimed[], base = ''): { rows: Claimed[]; message: OutsideMessage }[] {
  const out: { rows: Claimed[]; message: OutsideMessage }[] = [];
  const digests = new Map<string, Claimed[]>();
  for (const r of rows) {
    if (!r.digest) out.push({ rows: [r], message: { ids: [r.id], to: r.address, subject: r.title, text: textOf(r, base) } });
    else digests.set(`${r.channel}|${r.user_id}|${r.address}`, [...(digests.get(`${r.channel}|${r.user_id}|${r.address}`) ?? []), r]);
  }
  for (const group of digests.values()) {
    const text = group.map((r, i) => `${i + 1}. ${r.title}${r.body ? `\n   ${textOf(r, base).replace(/\n/g, '\n   ')}` : ''}`).join('\n');
    out.push({ rows: group, message: { ids: group.map((r) => r.id), to: group[0].address, subject: `今日消息汇总（${group.length}条）`, text } });
  }
  return out;
}

export interface SendResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends the deliveries that are due through their channel's transport. Rows are claimed like the
 * outbox's (`for update skip locked`, then a lease that moves `due_at` on): two servers never hold
 * the same row, and a crash after sending leaves a claim that runs out. A person's due digest rows
 * are claimed together (rows are taken person by person) so they go as one message. Failures wait 30 s doubling to an hour; after
 * `maxAttempts` the row is given up (failed_at), and what happened is on the person's settings page.
 */
export async function sendDue(database: Database, transports: Partial<Record<string, Transport>>, o: { now?: Date; batch?: number; leaseSeconds?: number; maxAttempts?: number; base?: string } = {}): Promise<SendResult> {
  const now = o.now ?? new Date();
  const channels = Object.keys(transports);
  const result: SendResult = { sent: 0, retried: 0, failed: 0 };
  if (channels.length === 0) return result;
  const leaseUntil = new Date(now.getTime() + (o.leaseSeconds ?? 120) * 1000).toISOString();
  const claimed = rowsOf<Claimed>(
    await database.db.execute(sql`
      update ${notificationDeliveries} set due_at = ${leaseUntil}::timestamptz, attempts = attempts + 1
      where id in (
        select id from ${notificationDeliveries}
        where sent_at is null and failed_at is null and due_at <= ${now.toISOString()}::timestamptz
          and channel in (select jsonb_array_elements_text(${JSON.stringify(channels)}::jsonb))
        order by user_id, id limit ${o.batch ?? 200} for update skip locked)
      returning id, event_id, user_id, channel, address, digest, title, body, link, attempts`),
  )
    .map((r) => ({ ...r, id: Number(r.id), event_id: Number(r.event_id) }))
    .sort((a, b) => a.event_id - b.event_id || a.id - b.id); // a digest lists its notices as they were sent
  for (const { rows, message } of messagesOf(claimed, o.base)) {
    const ids = JSON.stringify(rows.map((r) => r.id));
    const inRows = sql`id in (select (jsonb_array_elements_text(${ids}::jsonb))::bigint)`;
    try {
      await transports[rows[0].channel]!(message);
      await database.db.execute(sql`update ${notificationDeliveries} set sent_at = ${new Date().toISOString()}::timestamptz, last_error = null where ${inRows}`);
      result.sent += rows.length;
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const attempts = Math.max(...rows.map((r) => r.attempts));
      if (attempts >= (o.maxAttempts ?? 10)) {
        await database.db.execute(sql`update ${notificationDeliveries} set failed_at = ${now.toISOString()}::timestamptz, last_error = ${error} where ${inRows}`);
        result.failed += rows.length;
      } else {
        const next = new Date(now.getTime() + backoffSeconds(attempts) * 1000).toISOString();
        await database.db.execute(sql`update ${notificationDeliveries} set due_at = ${next}::timestamptz, last_error = ${error} where ${inRows}`);
        result.retried += rows.length;
      }
    }
  }
  return result;
}
