import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { Actor, Office, Role } from '../platform/auth/actor.js';
import { users } from '../platform/auth/schema.js';
import { chinaToday } from '../platform/calendar/workdays.js';
import { parseCsv } from '../platform/csv.js';
import { members } from '../modules/members/schema.js';
import { receiveRequest } from '../modules/requests/commands/submit.js';
import { actOnRequest } from '../modules/requests/commands/act.js';
import { rateRequest } from '../modules/requests/commands/follow.js';
import type { RequestAction } from '../../shared/requests/inputs.js';
import { localise } from './opinions.js';
import { livelihoodRequests as livelihoodVersion } from '../modules/requests/schema.js';

const dataFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data/taidi2020_wenzheng_messages_labeled.csv');

const actorOf = (u: typeof users.$inferSelect): Actor => ({
  userId: u.id, committeeId: u.committeeId, name: u.displayName, roles: u.roles as Role[], office: (u.office as Office) ?? null, memberId: u.memberId, unitId: u.unitId,
});

interface DemoRequest {
  /** the real citizen message (taidi 2020) it is written from */
  msgId: string;
  category: string;
  place: string;
  sender: string | null;
  phone: string;
  daysAgo: number;
  /** how far it has come: routed to a studio, handled by a member, finished (rated, published), declined */
  course: 'received' | 'studio' | 'handling' | 'done' | 'declined';
  by?: 'member' | 'member2';
  notes?: string[];
  outcome?: string;
  reason?: string;
}

/** Six letters to the committee in every state of their course, in the demo district's streets. */
const demoRequests: DemoRequest[] = [
  {
    msgId: '3607', category: '城乡建设', place: '布吉街道 山水嘉园1栋三单元', sender: '刘女士', phone: '13823761548', daysAgo: 40, course: 'done', by: 'member2',
    notes: ['到小区实地查看，706房确被隔成6间出租，已约物业和社区网格员一同核实。', '协调街道出租屋管理所上门检查，房东已签署整改承诺书。'],
    outcome: '街道出租屋管理所责令房东限期恢复原状，现已拆除隔断、清退多余租户，社区将每月回访。',
  },
  {
    msgId: '57124', category: '商贸旅游', place: '龙城街道 金欣花苑小区', sender: '陈先生', phone: '13926514807', daysAgo: 12, course: 'handling', by: 'member',
    notes: ['已与市场监管所特种设备科联系，对方答应本周内到小区检查电梯年检情况。'],
  },
  { msgId: '131123', category: '城乡建设', place: '平湖街道 黄甲街18号', sender: null, phone: '0755-28936402', daysAgo: 6, course: 'studio' },
  { msgId: '136298', category: '交通运输', place: '横岗街道 六约社区快递驿站', sender: '黄先生', phone: '15012873396', daysAgo: 2, course: 'received' },
  { msgId: '155419', category: '环境保护', place: '坪地街道 大源水库上游', sender: '张先生', phone: '13714529083', daysAgo: 1, course: 'received' },
  {
    msgId: '13641', category: '劳动和社会保障', place: '园山街道', sender: '李先生', phone: '13682417735', daysAgo: 20, course: 'declined',
    reason: '所反映的特殊工种提前退休政策调整属省级人社部门政策范畴，已请区社保局电话联系您说明办理渠道。',
  },
];

/** A day `n` days before `now`, at ten in the morning in China. */
const daysBefore = (now: Date, n: number) => new Date(now.getTime() - n * 86400_000);

/**
 * The demo's 民生诉求: real citizen messages (anonymised, moved to 龙岗) received through the portal,
 * routed by 委员科 to a studio or a member, handled, finished and rated, published, or declined.
 */
export async function seedDemoRequests(database: Database): Promise<void> {
  const { db } = database;
  const accounts = await db.select().from(users).where(inArray(users.username, ['roster', 'member', 'member2']));
  const as = (username: string) => actorOf(accounts.find((u) => u.username === username)!);
  const staff = as('roster');
  const messages = new Map(parseCsv(readFileSync(dataFile, 'utf8')).map((m) => [m.msg_id, m]));
  // a studio with members, for the letter routed to a studio
  const [studio] = await db.select({ studioId: members.studioId }).from(members).where(and(eq(members.committeeId, staff.committeeId), isNotNull(members.studioId))).limit(1);
  const now = new Date();
  for (const d of demoRequests) {
    const m = messages.get(d.msgId);
    if (!m) continue;
    const received = daysBefore(now, d.daysAgo);
    let r = await receiveRequest(database, { committeeId: staff.committeeId, senderName: d.sender, senderPhone: d.phone, category: d.category, place: d.place, body: localise(m.detail) }, [], received);
    const act = async (actor: Actor, action: RequestAction, input: Record<string, unknown>, day: Date) => {
      r = await actOnRequest({ database, actor, today: chinaToday(day), now: day }, { id: r.id, action, input: { version: r.version, ...input } as any });
    };
    const routedOn = daysBefore(now, d.daysAgo - 1);
    if (d.course === 'studio' && studio?.studioId) await act(staff, 'route', { studioId: studio.studioId, note: '请工作室委员了解情况，协调街道处理。' }, routedOn);
    if (d.course === 'declined') await act(staff, 'decline', { reason: d.reason }, routedOn);
    if (d.by) {
      const member = as(d.by);
      await act(staff, 'route', { memberId: member.memberId, note: '请委员跟进了解，协调有关部门处理。' }, routedOn);
      await act(member, 'start', {}, routedOn);
      for (const [i, body] of (d.notes ?? []).entries()) await act(member, 'record', { body }, daysBefore(now, d.daysAgo - 3 - i * 5));
      if (d.outcome) {
        await act(member, 'finish', { outcome: d.outcome }, daysBefore(now, 5));
        await rateRequest(database, { code: r.code, rating: 'satisfied', comment: '委员很负责，问题解决了，谢谢！' }, daysBefore(now, 3));
        const [fresh] = await db.select({ version: livelihoodVersion.version }).from(livelihoodVersion).where(eq(livelihoodVersion.id, r.id));
        r = { ...r, version: fresh.version };
        await act(staff, 'publish', {}, daysBefore(now, 2));
      }
    }
  }
}
