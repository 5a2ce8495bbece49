import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { Actor, Office, Role } from '../platform/auth/actor.js';
import { users } from '../platform/auth/schema.js';
import { members } from '../modules/members/schema.js';
import { scheduleActivity } from '../platform/activity/schedule.js';
import { scheduleHalfDays } from '../platform/activity/half-days.js';
import { decideLeave, requestLeave } from '../platform/activity/leave.js';
import { recordAttendance } from '../platform/activity/checkin.js';
import { closeActivity } from '../platform/activity/close.js';
import { activityInvitees } from '../platform/activity/schema.js';
import { selectSpeech } from '../modules/meetings/commands/select-speech.js';
import { submitSpeech } from '../modules/meetings/commands/submit-speech.js';
import { meetingOwner } from '../modules/meetings/owner.js';
import type { CommandContext } from '../platform/commands/context.js';
import { chinaToday } from '../platform/calendar/workdays.js';
import { rng } from './people.js';

const actorOf = (u: typeof users.$inferSelect): Actor => ({
  userId: u.id, committeeId: u.committeeId, name: u.displayName, roles: u.roles as Role[], office: (u.office as Office) ?? null, memberId: u.memberId, unitId: u.unitId,
});
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Demo meetings of 龙岗区, through the module's own commands (audit rows, notices and ledger entries
 * are all real): this year's plenary session by half-day, attended by nearly everyone, two members
 * on approved leave and a few absent; a closed activity day of one special committee with a late
 * arrival and an early leave; a plenary speech selected as written; and an activity day next week
 * that the demo members are invited to, still open for replies and leave.
 */
export async function seedDemoMeetings(database: Database): Promise<void> {
  const names = ['office', 'member', 'member2', 'member3'];
  const accounts = await database.db.select().from(users).where(inArray(users.username, names));
  const as = (username: string) => actorOf(accounts.find((u) => u.username === username)!);
  const [office, member, member2] = [as('office'), as('member'), as('member2')];
  const roster = await database.db.select({ id: members.id, specialCommitteeIds: members.specialCommitteeIds }).from(members)
    .where(and(eq(members.committeeId, office.committeeId), eq(members.status, 'active'))).orderBy(asc(members.code));
  const r = rng(23);
  const year = new Date().getFullYear();
  const sessionDay = `${year}-01-11`;
  const today = chinaToday();
  const ctx = (actor: Actor): CommandContext => ({ database, actor, today, now: new Date(`${today}T10:00:00+08:00`) });

  // 全体会议: two half-days; approved leave for two members, a handful absent, the rest checked in by staff
  const halfDays = await scheduleHalfDays(ctx(office), meetingOwner, {
    kind: 'plenary', title: `政协第七届委员会第${['一', '二', '三', '四', '五'][Math.min(4, Math.max(0, year - 2023))]}次会议全体会议`,
    location: '龙岗区会议中心', mandatory: true, agenda: '听取和审议常委会工作报告、提案工作情况报告；列席区人大会议；大会发言。', invitations: [{ type: 'everyone' }],
    halfDays: [{ startsAt: at(sessionDay, '08:30'), endsAt: at(sessionDay, '12:00') }, { startsAt: at(sessionDay, '14:30'), endsAt: at(sessionDay, '17:30') }],
  });
  for (const [i, a] of halfDays.entries()) {
    const away = new Set<string>();
    for (const [who, reason] of [[member2, '赴外地参加全国性行业会议'], [i === 0 ? member : null, '单位有紧急接待任务']] as const) {
      if (!who) continue;
      const req = await requestLeave(ctx(who), meetingOwner, { activityId: a.id, reason });
      await decideLeave(ctx(office), meetingOwner, { id: req.id, version: req.version, approve: true, note: '同意' });
      away.add(who.memberId!);
    }
    const invitees = await database.db.select().from(activityInvitees).where(eq(activityInvitees.activityId, a.id));
    for (const inv of invitees) {
      if (away.has(inv.memberId) || r() < 0.04) continue;
      const late = r() < 0.05;
      await recordAttendance(ctx(office), { activityId: a.id, memberId: inv.memberId, version: inv.version, checkedInAt: new Date(a.startsAt.getTime() + (late ? 25 : -10) * 60_000) });
    }
    await closeActivity(ctx(office), { id: a.id, version: a.version });
  }

  // 委员活动日 of one special committee, closed: a late arrival, an early leave under 2/3
  const committeeId = roster.find((m) => m.specialCommitteeIds.length)?.specialCommitteeIds[0];
  if (committeeId) {
    const past = dayOffset(-20);
    const day = await scheduleActivity(ctx(office), meetingOwner, {
      kind: 'activityDay', title: '委员活动日：走进龙城街道社区议事厅', startsAt: at(past, '09:00'), endsAt: at(past, '11:30'), location: '龙城街道社区议事厅', mandatory: true,
      agenda: '听取社区治理情况介绍；与居民代表座谈；委员交流履职体会。', invitations: [{ type: 'specialCommittee', id: committeeId }],
    });
    const invitees = await database.db.select().from(activityInvitees).where(eq(activityInvitees.activityId, day.id));
    for (const [i, inv] of invitees.entries()) {
      if (i === invitees.length - 1) continue;
      const record = i === 0 ? { checkedInAt: at(past, '09:25') } : i === 1 ? { checkedInAt: at(past, '09:00'), leftAt: at(past, '10:00') } : { checkedInAt: at(past, '08:50') };
      await recordAttendance(ctx(office), { activityId: day.id, memberId: inv.memberId, version: inv.version, ...record });
    }
    await closeActivity(ctx(office), { id: day.id, version: day.version });
  }

  // 大会发言: submitted by the demo member, selected as a written speech
  const speech = await submitSpeech({ database, actor: member, today: sessionDay, now: new Date(`${sessionDay}T10:00:00+08:00`) }, {
    title: '关于加快推进龙岗制造业数字化转型的建议',
    body: '制造业是龙岗的立区之本。建议加快工业互联网平台建设，支持中小企业上云用数赋智；设立数字化转型专项资金，对示范项目给予奖励；加强数字技能人才培养，推动校企合作。',
  });
  await selectSpeech({ database, actor: office, today: sessionDay, now: new Date(`${sessionDay}T10:00:00+08:00`) }, { id: speech.id, version: speech.version, status: 'written', note: '作为书面发言印发' });

  // next week: open for replies, leave and (on the day) QR check-in
  const soon = dayOffset(7);
  await scheduleActivity(ctx(office), meetingOwner, {
    kind: 'reading', title: '书香政协读书活动：《习近平谈治国理政》第五卷', startsAt: at(soon, '14:30'), endsAt: at(soon, '17:00'), location: '区政协委员之家', mandatory: false,
    agenda: '领读、分组交流、委员分享读书心得。', invitations: [{ type: 'members', ids: [member.memberId!, member2.memberId!, as('member3').memberId!] }],
  });
}
