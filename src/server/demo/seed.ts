import { count, eq } from 'drizzle-orm';
import type { Database, Tx } from '../db/client.js';
import { committees } from '../platform/tenancy/schema.js';
import { users } from '../platform/auth/schema.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { audit } from '../platform/audit/audit.js';
import { systemActor, type Office, type Role } from '../platform/auth/actor.js';
import { members } from '../modules/members/schema.js';
import { seedDemoOpinions } from './opinions.js';
import { seedDemoMeetings } from './meetings.js';
import { seedDemoProposals } from './proposals.js';
import { seedDemoOutreach } from './outreach.js';
import { seedDemoConsultation } from './consultation.js';
import { seedDemoSupervision } from './supervision.js';
import { seedDemoEvaluation } from './evaluation.js';
import { seedDemoRequests } from './requests.js';
import { seedDemoStudios } from './studios.js';
import { seedDemoResearch } from './research.js';
import { seedDemoScheme } from './performance.js';
import { parties, plenarySessions, sectors, specialCommittees, streetGroups, studios, terms, units } from '../modules/org/schema.js';
import { demoParties, demoSectors, demoSpecialCommittees, demoStreets, demoStudios, demoUnits, unitKind } from './organisation.js';
import { defaultWorkplaces, personName, pickFrom, rng, workplacesBySector } from './people.js';
import { seedDemoNews } from './news.js';
import { seedDemoMembersHome } from './members-home.js';
import { seedDemoLearning } from './learning.js';
import { seedDemoJoint } from './joint.js';

/** The password of every demo account (listed in the README; exists only in demo data). */
export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_MEMBER_COUNT = 180;

export interface DemoIds {
  province: string;
  city: string;
  district: string;
  otherDistrict: string;
}

/** Loads the demo: 广东省 → 深圳市 → 龙岗区 (the working committee) and a neighbouring 福田区. Idempotent. */
export async function seedDemo(database: Database, now = new Date()): Promise<DemoIds | null> {
  const [{ n }] = await database.db.select({ n: count() }).from(committees);
  if (n > 0) return null;
  // every demo account's password is set at `now`, the clock the demo is seeded with (the machine's), not by the column's default
  const password = { passwordHash: await hashPassword(DEMO_PASSWORD), passwordChangedAt: now };
  const ids = await database.db.transaction(async (tx) => {
    const [province] = await tx.insert(committees).values({ name: '中国人民政治协商会议广东省委员会', shortName: '广东省政协', level: 'province' }).returning();
    const [city] = await tx.insert(committees).values({ name: '中国人民政治协商会议深圳市委员会', shortName: '深圳市政协', level: 'city', parentId: province.id }).returning();
    const [district] = await tx.insert(committees).values({ name: '中国人民政治协商会议深圳市龙岗区委员会', shortName: '龙岗区政协', level: 'district', parentId: city.id }).returning();
    const [other] = await tx.insert(committees).values({ name: '中国人民政治协商会议深圳市福田区委员会', shortName: '福田区政协', level: 'district', parentId: city.id }).returning();

    await seedDistrict(tx, district.id, password, { prefix: '', memberCount: DEMO_MEMBER_COUNT, seed: 7 });
    await seedDistrict(tx, other.id, password, { prefix: 'ft_', memberCount: 45, seed: 11 });
    await seedDemoScheme(tx, district.id);
    const account = (committeeId: string, username: string, displayName: string, roles: Role[], office: Office | null = null) =>
      tx.insert(users).values({ committeeId, username, displayName, roles, office, ...password });
    // the platform's top committee: its admin keeps what every committee shares (the national holiday calendar)
    await account(province.id, 'gd_admin', '广东省政协系统管理员', ['admin']);
    await account(city.id, 'city_admin', '深圳市政协系统管理员', ['admin']);
    await account(city.id, 'city_info', '深圳市政协信息处', ['staff'], 'info');
    await audit(tx, systemActor(district.id), { action: 'demo.seed', subjectType: 'committee', subjectId: district.id, note: '载入演示数据' });
    return { province: province.id, city: city.id, district: district.id, otherDistrict: other.id };
  });
  // modules' demo records, each through its own commands once the organisation is committed
  await seedDemoOpinions(database);
  await seedDemoMeetings(database);
  await seedDemoProposals(database);
  await seedDemoOutreach(database);
  await seedDemoConsultation(database);
  await seedDemoSupervision(database);
  await seedDemoEvaluation(database);
  await seedDemoRequests(database);
  await seedDemoResearch(database);
  await seedDemoNews(database);
  await seedDemoMembersHome(database);
  await seedDemoStudios(database);
  await seedDemoLearning(database);
  await seedDemoJoint(database);
  // the demo's notices are its made-up history: nothing for the outbox's channels to send anywhere
  await database.query(`update outbox set delivered_at = now() where delivered_at is null`);
  return ids;
}

async function seedDistrict(tx: Tx, committeeId: string, password: { passwordHash: string; passwordChangedAt: Date }, o: { prefix: string; memberCount: number; seed: number }) {
  const r = rng(o.seed);
  const [term] = await tx.insert(terms).values({ committeeId, number: 7, name: '第七届', startDate: '2023-01-05', endDate: '2027-12-31', current: true }).returning();
  const sessionNames = ['一', '二', '三', '四', '五'];
  for (let i = 0; i < 5; i++) {
    const year = 2023 + i;
    await tx.insert(plenarySessions).values({
      committeeId, termId: term.id, number: i + 1, name: `七届${sessionNames[i]}次会议`, year,
      startDate: `${year}-01-10`, endDate: `${year}-01-13`, proposalOpensOn: `${year - 1}-10-10`, proposalClosesOn: `${year}-01-12`,
    });
  }
  const insertNames = async (table: typeof sectors, rows: (string | [string, string])[]) =>
    tx.insert(table).values(rows.map((x, i) => ({ committeeId, name: Array.isArray(x) ? x[0] : x, kind: Array.isArray(x) ? x[1] : null, sortOrder: i + 1 }))).returning();
  const sectorRows = await insertNames(sectors, demoSectors);
  const committeeRows = await insertNames(specialCommittees, demoSpecialCommittees);
  const partyRows = await insertNames(parties, demoParties);
  const streetRows = await insertNames(streetGroups, demoStreets.map((s) => `${s}委员联络组`));
  const studioRows = await insertNames(studios, demoStudios);
  const unitRows = await insertNames(units, demoUnits.map((u) => [u, unitKind(u)] as [string, string]));

  const partyBySector = new Map(partyRows.map((p) => [p.name, p.id]));
  const memberRows = [];
  for (let i = 0; i < o.memberCount; i++) {
    const position = i === 0 ? 'chair' : i <= 5 ? 'viceChair' : i === 6 ? 'secretaryGeneral' : i <= 36 ? 'standingMember' : 'member';
    const gender = r() < 0.62 ? '男' : '女';
    const sector = sectorRows[i % sectorRows.length];
    const [workplace, jobTitle] = pickFrom(r, workplacesBySector[sector.name] ?? defaultWorkplaces);
    const partyId = partyBySector.get(sector.name) ?? (r() < 0.45 ? partyRows[0].id : partyRows.find((p) => p.name === '无党派人士')!.id);
    const specialIds = [committeeRows[i % committeeRows.length].id, ...(r() < 0.15 ? [committeeRows[(i + 3) % committeeRows.length].id] : [])];
    memberRows.push({
      committeeId, termId: term.id, code: `07${String(i + 1).padStart(3, '0')}`, name: personName(r, gender), gender,
      ethnicity: r() < 0.93 ? '汉族' : pickFrom(r, ['壮族', '回族', '满族', '土家族', '苗族']),
      birthDate: `${1962 + Math.floor(r() * 28)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      partyId, sectorId: sector.id, specialCommitteeIds: [...new Set(specialIds)], position,
      studioId: r() < 0.4 ? pickFrom(r, studioRows).id : null, streetGroupId: pickFrom(r, streetRows).id,
      workplace, jobTitle, phone: `139${String(Math.floor(r() * 1e8)).padStart(8, '0')}`, status: 'active',
    });
  }
  const inserted = await tx.insert(members).values(memberRows).returning();
  const byPosition = (p: string) => inserted.find((m) => m.position === p)!;
  const plain = inserted.filter((m) => m.position === 'member');
  const unit = (name: string) => unitRows.find((u) => u.name === name)!.id;
  const p = o.prefix;
  const accounts: { username: string; displayName: string; roles: Role[]; office?: Office; memberId?: string; unitId?: string; actsFor?: string[] }[] = [
    { username: `${p}admin`, displayName: '系统管理员', roles: ['admin'] },
    { username: `${p}staff`, displayName: '提案委 周文', roles: ['staff'], office: 'proposal' },
    { username: `${p}info`, displayName: '信息科 林晓', roles: ['staff'], office: 'info' },
    { username: `${p}roster`, displayName: '委员科 陈静', roles: ['staff'], office: 'members' },
    { username: `${p}office`, displayName: '办公室 黄海', roles: ['staff'], office: 'general', actsFor: ['民盟龙岗区基层委员会', '九三学社龙岗区基层委员会', '区政协社会法制民族宗教委员会', '区政协教科文卫体委员会', '区妇联界别委员小组'] },
    { username: `${p}leader`, displayName: byPosition('chair').name, roles: ['leader', 'member'], memberId: byPosition('chair').id },
    { username: `${p}member`, displayName: plain[0].name, roles: ['member'], memberId: plain[0].id },
    { username: `${p}member2`, displayName: plain[1].name, roles: ['member'], memberId: plain[1].id },
    { username: `${p}member3`, displayName: plain[2].name, roles: ['member'], memberId: plain[2].id },
    { username: `${p}unit`, displayName: '区教育局', roles: ['unit'], unitId: unit('区教育局') },
    { username: `${p}unit2`, displayName: '区住房建设局', roles: ['unit'], unitId: unit('区住房建设局') },
    { username: `${p}unit3`, displayName: '区水务局', roles: ['unit'], unitId: unit('区水务局') },
    { username: `${p}secadmin`, displayName: '安全管理员', roles: ['secadmin'] },
    { username: `${p}auditor`, displayName: '安全审计员', roles: ['auditor'] },
  ];
  await tx.insert(users).values(accounts.map((a) => ({ committeeId, ...password, office: null, ...a })));
}

/** Looks up the demo district by its short name (tests and the CLI). */
export async function demoDistrictId(database: Database, shortName = '龙岗区政协'): Promise<string> {
  const [c] = await database.db.select({ id: committees.id }).from(committees).where(eq(committees.shortName, shortName));
  return c.id;
}
