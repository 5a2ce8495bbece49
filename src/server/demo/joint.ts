import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { Office, Role } from '../platform/auth/actor.js';
import { users } from '../platform/auth/schema.js';
import { committees } from '../platform/tenancy/schema.js';
import { chinaToday } from '../platform/calendar/workdays.js';
import { members } from '../modules/members/schema.js';
import { specialCommittees } from '../modules/org/schema.js';
import { scheduleJoint } from '../modules/joint/commands/schedule-joint.js';

/**
 * 上下联动 (demo): 深圳市政协 organises a joint inspection of urban-village fire safety with 龙岗区
 * and 福田区 ten days from the seeding, through the module's command — each district's part an
 * event of its own inviting a few members of its 城建资源环境委员会 (not the named demo accounts,
 * whose own calendars the walkthroughs describe), open for their replies.
 */
export async function seedDemoJoint(database: Database) {
  const [cityAdmin] = await database.db.select().from(users).where(eq(users.username, 'city_admin'));
  if (!cityAdmin) return;
  const actor = { userId: cityAdmin.id, committeeId: cityAdmin.committeeId, name: cityAdmin.displayName, roles: cityAdmin.roles as Role[], office: (cityAdmin.office as Office) ?? null, memberId: null, unitId: null };
  const now = new Date();
  const districts = await database.db.select({ id: committees.id, name: committees.shortName }).from(committees).where(eq(committees.parentId, cityAdmin.committeeId)).orderBy(asc(committees.name));
  const withAccounts = new Set((await database.db.select({ id: users.memberId }).from(users).where(isNotNull(users.memberId))).map((u) => u.id));
  const picks = [];
  for (const d of districts) {
    const [urban] = await database.db.select({ id: specialCommittees.id }).from(specialCommittees).where(and(eq(specialCommittees.committeeId, d.id), eq(specialCommittees.name, '城建资源环境委员会')));
    const roster = await database.db.select({ id: members.id, specialCommitteeIds: members.specialCommitteeIds }).from(members)
      .where(and(eq(members.committeeId, d.id), eq(members.status, 'active'), inArray(members.position, ['standingMember', 'member']))).orderBy(asc(members.code));
    const memberIds = roster.filter((m) => urban && m.specialCommitteeIds.includes(urban.id) && !withAccounts.has(m.id)).slice(0, d.name === '龙岗区政协' ? 4 : 3).map((m) => m.id);
    if (memberIds.length) picks.push({ committeeId: d.id, memberIds });
  }
  if (!picks.length) return;
  const day = chinaToday(new Date(now.getTime() + 10 * 86_400_000));
  await scheduleJoint({ database, actor, today: chinaToday(now), now }, {
    kind: 'inspection', title: '深圳市政协联合视察：城中村消防安全综合治理',
    startsAt: new Date(`${day}T09:00:00+08:00`), endsAt: new Date(`${day}T12:00:00+08:00`), location: '龙岗区坂田街道、福田区沙头街道',
    agenda: '实地察看城中村消防设施改造和电动自行车集中充电场所；听取市消防救援支队、各区应急管理部门情况通报；座谈交流。',
    districts: picks,
  });
}
