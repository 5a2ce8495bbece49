import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Presented } from '../../../shared/http/responses.js';
import type { notificationPrefsBody } from '../../../shared/notifications/inputs.js';
import type { notificationPrefs as prefsAnswer } from '../../../shared/notifications/responses.js';
import type { Config } from '../../config.js';
import type { Executor } from '../../db/client.js';
import { members } from '../../modules/members/schema.js';
import { users } from '../auth/schema.js';
import type { Actor } from '../auth/actor.js';
import { audit } from '../audit/audit.js';
import type { CommandContext } from '../commands/context.js';
import { AppError } from '../errors.js';
import { notificationDeliveries, notificationPrefs } from './schema.js';

export const channelLabels: Record<string, string> = { email: '邮件', sms: '短信' };

/** The channels this server can send through, as configured (SMTP_URL; SMS_GATEWAY_URL with its secret). */
export const availableChannels = (config: Config) => ({ email: !!config.smtp, sms: !!config.smsGateway });

/**
 * 消息接收设置 of the signed-in person: what they chose (before the first save: the app only, their
 * member record's e-mail offered), the channels available, the phone SMS goes to, the latest 20 deliveries.
 */
export async function readPrefs(db: Executor, actor: Actor, config: Config): Promise<Presented<typeof prefsAnswer>> {
  const [[row], [account], recent] = await Promise.all([
    db.select().from(notificationPrefs).where(eq(notificationPrefs.userId, actor.userId)),
    db.select({ phone: smsPhone, memberEmail: members.email }).from(users).leftJoin(members, eq(members.id, users.memberId)).where(eq(users.id, actor.userId)),
    db.select().from(notificationDeliveries).where(eq(notificationDeliveries.userId, actor.userId)).orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id)).limit(20),
  ]);
  return {
    version: row?.version ?? 0,
    emailOn: row?.emailOn ?? false,
    email: row ? row.email : (account?.memberEmail ?? null),
    smsOn: row?.smsOn ?? false,
    phone: account?.phone ?? null,
    digest: (row?.digest ?? 'instant') as 'instant' | 'daily',
    digestAt: row?.digestAt ?? '18:00',
    quietFrom: row?.quietFrom ?? null,
    quietTo: row?.quietTo ?? null,
    available: availableChannels(config),
    recent: recent.map((d) => ({ channel: d.channel, channelLabel: channelLabels[d.channel] ?? d.channel, title: d.title, digest: d.digest, dueAt: d.dueAt, sentAt: d.sentAt, failedAt: d.failedAt })),
  };
}

/** Where an SMS goes, in a query over users left-joined to members: the account's own phone, else its member record's. */
export const smsPhone = sql<string | null>`coalesce(nullif(${users.phone}, ''), nullif(${members.phone}, ''))`;

/**
 * Saves the person's own settings: one row per account, created at version 0 → 1, then checked
 * against the version they edited (409 when another tab saved first). A channel this server
 * cannot send through, or SMS without a phone number, is refused by field.
 */
export async function savePrefs({ database, actor }: CommandContext, input: z.output<typeof notificationPrefsBody> & { config: Config }) {
  const { version, config, ...values } = input;
  const available = availableChannels(config);
  if (values.emailOn && !available.email) throw AppError.field('emailOn', '邮件通知', '本系统未配置邮件服务器，暂不能开启');
  if (values.smsOn && !available.sms) throw AppError.field('smsOn', '短信通知', '本系统未配置短信网关，暂不能开启');
  return database.db.transaction(async (tx) => {
    if (values.smsOn) {
      const [account] = await tx.select({ phone: smsPhone }).from(users).leftJoin(members, eq(members.id, users.memberId)).where(eq(users.id, actor.userId));
      if (!account?.phone) throw AppError.field('smsOn', '短信通知', '账号未登记手机号码，请联系管理员');
    }
    const [before] = await tx.select().from(notificationPrefs).where(eq(notificationPrefs.userId, actor.userId));
    if ((before?.version ?? 0) !== version) throw AppError.versionConflict();
    const [after] = before
      ? await tx.update(notificationPrefs).set({ ...values, version: before.version + 1, updatedAt: new Date() }).where(and(eq(notificationPrefs.id, before.id), eq(notificationPrefs.version, version))).returning()
      : await tx.insert(notificationPrefs).values({ ...values, userId: actor.userId, committeeId: actor.committeeId }).onConflictDoNothing().returning();
    if (!after) throw AppError.versionConflict();
    await audit(tx, actor, { action: 'notificationPrefs.update', subjectType: 'notificationPrefs', subjectId: after.id, before: before ?? null, after });
    return after;
  });
}
