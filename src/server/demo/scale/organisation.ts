import { randomUUID } from 'node:crypto';
import { demoParties, demoSectors, demoSpecialCommittees, demoUnits, unitKind } from '../organisation.js';
import { defaultWorkplaces, personName, pickFrom, workplacesBySector } from '../people.js';
import type { BulkWriter } from './bulk.js';
import type { PlannedCommittee } from './plan.js';
import { unitNamesFor } from './places.js';
import { atTime, type AuditEvent } from './time.js';

export interface Person {
  id: string;
  name: string;
  userId: string;
  position: string;
}

/** What the other generators of a committee need to point at. */
export interface CommitteeContext {
  plan: PlannedCommittee;
  id: string;
  parentId: string | null;
  termId: string;
  /** by year */
  sessions: Map<number, { id: string; name: string; year: number; opensOn: string; closesOn: string; startDate: string }>;
  members: Person[];
  standing: Person[];
  units: { id: string; name: string; userId: string }[];
  parties: string[];
  specialCommittees: string[];
  staff: { proposal: Person; info: Person; general: Person; admin: Person };
  leader: Person;
  audit: AuditEvent[];
}

/** usernames: s000_admin, s017_staff, s017_m00042, s017_u03 — the committee's number, then the account */
export const usernameOf = (committee: number, account: string) => `s${String(committee).padStart(3, '0')}_${account}`;

const sessionNames = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const levelPrefix = { province: '省', city: '市', district: '区' } as const;

/**
 * A committee's organisation: the committee, one term spanning the data's years with a plenary
 * session each year, the catalogs (sectors, special committees, parties, units), the members and
 * an account for every member, every unit and each office.
 */
export async function writeOrganisation(w: BulkWriter, plan: PlannedCommittee, ids: string[], years: number[], r: () => number, passwordHash: string): Promise<CommitteeContext> {
  const id = ids[plan.index];
  const parentId = plan.parent >= 0 ? ids[plan.parent] : null;
  const first = years[0];
  const last = years.at(-1)!;
  const created = atTime(`${first - 1}-12-01`, r);
  await w.add('committees', ['id', 'parent_id', 'name', 'short_name', 'level', 'created_at'], [id, parentId, plan.name, plan.shortName, plan.level, created]);
  const termId = randomUUID();
  const rec = (extra: unknown[]) => [randomUUID(), id, created, created, ...extra];
  const recCols = ['id', 'committee_id', 'created_at', 'updated_at'];
  await w.add('terms', [...recCols, 'number', 'name', 'start_date', 'end_date', 'current'], [termId, id, created, created, 1, '本届', `${first}-01-01`, `${last}-12-31`, true]);
  const sessions: CommitteeContext['sessions'] = new Map();
  for (const [i, year] of years.entries()) {
    const s = { id: randomUUID(), name: `本届${sessionNames[i]}次会议`, year, opensOn: `${year - 1}-10-10`, closesOn: `${year}-01-12`, startDate: `${year}-01-10` };
    sessions.set(year, s);
    await w.add('plenary_sessions', [...recCols, 'term_id', 'number', 'name', 'year', 'start_date', 'end_date', 'proposal_opens_on', 'proposal_closes_on'], [s.id, id, created, created, termId, i + 1, s.name, year, s.startDate, `${year}-01-13`, s.opensOn, s.closesOn]);
  }
  const catalog = async (table: string, names: (string | [string, string])[]) => {
    const rows: { id: string; name: string }[] = [];
    for (const [i, x] of names.entries()) {
      const [name, kind] = Array.isArray(x) ? x : [x, null];
      const row = rec([name, kind, i + 1]);
      await w.add(table, [...recCols, 'name', 'kind', 'sort_order'], row);
      rows.push({ id: row[0] as string, name });
    }
    return rows;
  };
  const prefix = levelPrefix[plan.level];
  const sectors = await catalog('sectors', demoSectors);
  const specials = await catalog('special_committees', demoSpecialCommittees);
  const parties = await catalog('parties', demoParties.map(([n, k]) => [n.replace(/^区/, prefix), k] as [string, string]));
  const unitNames = unitNamesFor(plan.level, demoUnits);
  const unitRows = await catalog('units', unitNames.map((u) => [u, unitKind(u.replace(/^[省市]/, '区'))] as [string, string]));

  const userCols = ['id', 'committee_id', 'username', 'display_name', 'password_hash', 'roles', 'office', 'member_id', 'unit_id', 'acts_for', 'created_at', 'updated_at', 'password_changed_at'];
  const account = async (username: string, displayName: string, roles: string[], o: { office?: string; memberId?: string; unitId?: string; actsFor?: string[] } = {}) => {
    const userId = randomUUID();
    await w.add('users', userCols, [userId, id, usernameOf(plan.index, username), displayName, passwordHash, roles, o.office ?? null, o.memberId ?? null, o.unitId ?? null, o.actsFor ?? [], created, created, created]);
    return userId;
  };

  const members: Person[] = [];
  const memberCols = [...recCols, 'term_id', 'code', 'name', 'gender', 'birth_date', 'party_id', 'sector_id', 'special_committee_ids', 'position', 'workplace', 'job_title', 'phone', 'status'];
  const viceChairs = Math.max(1, Math.round(plan.members * 0.02));
  const standingUpTo = Math.max(viceChairs + 2, Math.round(plan.members * 0.17));
  for (let i = 0; i < plan.members; i++) {
    const position = i === 0 ? 'chair' : i <= viceChairs ? 'viceChair' : i === viceChairs + 1 ? 'secretaryGeneral' : i <= standingUpTo ? 'standingMember' : 'member';
    const gender = r() < 0.62 ? '男' : '女';
    const sector = sectors[i % sectors.length];
    const [workplace, jobTitle] = pickFrom(r, workplacesBySector[sector.name] ?? defaultWorkplaces);
    const memberId = randomUUID();
    const name = personName(r, gender);
    const code = String(i + 1).padStart(5, '0');
    await w.add('members', memberCols, [
      memberId, id, created, created, termId, code, name, gender,
      `${1958 + Math.floor(r() * 30)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      pickFrom(r, parties).id, sector.id, [specials[i % specials.length].id], position, workplace.replace(/龙岗区?/, ''), jobTitle,
      `139${String(Math.floor(r() * 1e8)).padStart(8, '0')}`, 'active',
    ]);
    const userId = await account(`m${code}`, name, position === 'chair' ? ['leader', 'member'] : ['member'], { memberId });
    members.push({ id: memberId, name, userId, position });
  }
  const units: CommitteeContext['units'] = [];
  for (const [i, u] of unitRows.entries()) units.push({ ...u, userId: await account(`u${String(i + 1).padStart(2, '0')}`, u.name, ['unit'], { unitId: u.id }) });
  const person = (userId: string, name: string): Person => ({ id: '', name, userId, position: '' });
  const actsFor = [parties[2].name, specials[3].name];
  const staff = {
    admin: person(await account('admin', '系统管理员', ['admin']), '系统管理员'),
    proposal: person(await account('staff', '提案委工作人员', ['staff'], { office: 'proposal' }), '提案委工作人员'),
    info: person(await account('info', '信息科工作人员', ['staff'], { office: 'info' }), '信息科工作人员'),
    general: person(await account('office', '办公室工作人员', ['staff'], { office: 'general', actsFor }), '办公室工作人员'),
  };
  await account('roster', '委员科工作人员', ['staff'], { office: 'members' });
  await account('secadmin', '安全管理员', ['secadmin']);
  await account('auditor', '安全审计员', ['auditor']);
  return {
    plan, id, parentId, termId, sessions, members,
    standing: members.filter((m) => m.position !== 'member'),
    units, parties: parties.filter((p) => p.name !== '无党派人士' && p.name !== '中国共产党').map((p) => p.name), specialCommittees: specials.map((s) => s.name),
    staff, leader: members[0], audit: [],
  };
}
