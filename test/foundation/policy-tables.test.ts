import { describe, expect, it } from 'vitest';
import type { Actor, Office, Role } from '../../src/server/platform/auth/actor.js';
import { can, type Policy } from '../../src/server/platform/policy/policy.js';
import { orgPolicy } from '../../src/server/modules/org/policy.js';
import { memberPolicy, rosterPolicy } from '../../src/server/modules/members/policy.js';
import { userCollectionPolicy, userPolicy } from '../../src/server/modules/users/policy.js';
import { calendarPolicy } from '../../src/server/platform/calendar/policy.js';
import { settingsPolicy } from '../../src/server/platform/settings/routes.js';
import { auditPolicy } from '../../src/server/platform/audit/routes.js';

/**
 * The policies of the foundation as tables (Decidim's permission specs): one row per actor and
 * record (the actor's own record or someone else's), one column per action, Y = allowed. Every row
 * is checked in the actor's committee as written and, for the other committee, as all denied.
 */
const OURS = 'committee-longgang';
const THEIRS = 'committee-futian';

const actor = (key: string, roles: Role[], office: Office | null = null, memberId: string | null = null): Actor => ({
  userId: `user-${key}`, committeeId: OURS, name: key, roles, office, memberId, unitId: roles.includes('unit') ? 'unit-1' : null,
});
const actors: Record<string, Actor> = {
  admin: actor('admin', ['admin']),
  secadmin: actor('secadmin', ['secadmin']),
  auditor: actor('auditor', ['auditor']),
  'staff/general': actor('staff-general', ['staff'], 'general'),
  'staff/members': actor('staff-members', ['staff'], 'members'),
  'staff/proposal': actor('staff-proposal', ['staff'], 'proposal'),
  'staff/info': actor('staff-info', ['staff'], 'info'),
  leader: actor('leader', ['leader', 'member'], null, 'member-leader'),
  member: actor('member', ['member'], null, 'member-1'),
  unit: actor('unit', ['unit']),
};

type Row = [actorKey: string, record: string, allowed: string];
/** Parses `actor record | Y N …` lines (the header line names the actions). */
function table(text: string): { actions: string[]; rows: Row[] } {
  const [header, ...lines] = text.trim().split('\n').map((l) => l.trim()).filter(Boolean);
  const actions = header.split('|')[1].trim().split(/\s+/);
  const rows = lines.map((l) => {
    const [who, cells] = l.split('|').map((x) => x.trim());
    const [actorKey, record] = who.split(/\s+/);
    return [actorKey, record, cells] as Row;
  });
  return { actions, rows };
}

function check<S extends { committeeId: string }>(policy: Policy<S, any>, spec: string, subjectFor: (a: Actor, record: string, committeeId: string) => S) {
  const { actions, rows } = table(spec);
  const cases = rows.flatMap(([key, record, cells]) =>
    cells.split(/\s+/).flatMap((cell, i) => [
      { key, record, action: actions[i], committee: 'own', expected: cell === 'Y' },
      { key, record, action: actions[i], committee: 'other', expected: false },
    ]),
  );
  // every actor and every action is in the table: a new action or role cannot slip through untested
  expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(Object.keys(actors)));
  expect(actions.sort()).toEqual(Object.keys(policy.grants).sort());
  const wrong = cases.filter((c) => {
    const a = actors[c.key];
    const subject = subjectFor(a, c.record, c.committee === 'own' ? OURS : THEIRS);
    return can(policy, c.action, a, subject) !== c.expected;
  });
  expect(wrong.map((c) => `${c.key} ${c.action} ${c.record} record of ${c.committee} committee should be ${c.expected ? 'allowed' : 'denied'}`)).toEqual([]);
  return cases.length;
}

describe('policy tables', () => {
  it('organisation: read by all but the 三员 keep apart; kept by admins, the general and members offices', () => {
    const n = check(orgPolicy, `
      actor           record | read create update
      admin           any    | Y    Y      Y
      secadmin        any    | Y    N      N
      auditor         any    | Y    N      N
      staff/general   any    | Y    Y      Y
      staff/members   any    | Y    Y      Y
      staff/proposal  any    | Y    N      N
      staff/info      any    | Y    N      N
      leader          any    | Y    N      N
      member          any    | Y    N      N
      unit            any    | Y    N      N
    `, (_a, _r, committeeId) => ({ committeeId }));
    expect(n).toBe(60);
  });

  it('members: contact details for staff, admins, leaders and the member themself only', () => {
    check(memberPolicy, `
      actor           record | read readContact update
      admin           other  | Y    Y           Y
      secadmin        other  | N    N           N
      auditor         other  | N    N           N
      staff/general   other  | Y    Y           Y
      staff/members   other  | Y    Y           Y
      staff/proposal  other  | Y    Y           N
      staff/info      other  | Y    Y           N
      leader          other  | Y    Y           N
      leader          own    | Y    Y           N
      member          other  | Y    N           N
      member          own    | Y    Y           N
      unit            other  | Y    N           N
    `, (a, record, committeeId) => ({ id: record === 'own' ? a.memberId! : 'member-someone-else', committeeId }));
    // the roster as a whole (list, add, import, export), asked on the committee
    check(rosterPolicy, `
      actor           record    | read create import export
      admin           committee | Y    Y      Y      Y
      secadmin        committee | N    N      N      N
      auditor         committee | N    N      N      N
      staff/general   committee | Y    Y      Y      Y
      staff/members   committee | Y    Y      Y      Y
      staff/proposal  committee | Y    N      N      Y
      staff/info      committee | Y    N      N      Y
      leader          committee | Y    N      N      Y
      member          committee | Y    N      N      N
      unit            committee | Y    N      N      N
    `, (_a, _record, committeeId) => ({ committeeId }));
  });

  it('users (三员分立): the admin keeps accounts, the security admin only resets passwords, the auditor only reads', () => {
    // record: self = the actor's own account; plain = a member's account; admin-class = a secadmin/auditor account
    check(userCollectionPolicy, `
      actor           record    | read create
      admin           committee | Y    Y
      secadmin        committee | Y    N
      auditor         committee | Y    N
      staff/general   committee | N    N
      staff/members   committee | N    N
      staff/proposal  committee | N    N
      staff/info      committee | N    N
      leader          committee | N    N
      member          committee | N    N
      unit            committee | N    N
    `, (_a, _record, committeeId) => ({ committeeId }));
    check(userPolicy, `
      actor           record      | read update resetPassword
      admin           self        | Y    N      N
      admin           plain       | Y    Y      Y
      admin           admin-class | Y    N      N
      secadmin        self        | Y    N      N
      secadmin        plain       | Y    N      Y
      secadmin        admin-class | Y    N      N
      auditor         self        | Y    N      N
      auditor         plain       | Y    N      N
      auditor         admin-class | Y    N      N
      staff/general   plain       | N    N      N
      staff/members   plain       | N    N      N
      staff/proposal  plain       | N    N      N
      staff/info      plain       | N    N      N
      leader          plain       | N    N      N
      member          self        | N    N      N
      member          plain       | N    N      N
      unit            plain       | N    N      N
    `, (a, record, committeeId) =>
      record === 'self' ? { id: a.userId, roles: [...a.roles], committeeId }
      : record === 'plain' ? { id: 'user-plain', roles: ['member'], committeeId }
      : { id: 'user-auditor2', roles: ['auditor'], committeeId });
  });

  it('calendar, settings and the audit trail', () => {
    const committee = (_a: Actor, _r: string, committeeId: string) => ({ committeeId });
    // the national calendar is kept by the admin of the platform's top committee only (issue 19, item 3)
    check(calendarPolicy, `
      actor           record   | read update
      admin           top      | Y    Y
      admin           district | Y    N
      secadmin        top      | Y    N
      secadmin        district | Y    N
      auditor         top      | Y    N
      auditor         district | Y    N
      staff/general   top      | Y    N
      staff/general   district | Y    N
      staff/members   top      | Y    N
      staff/members   district | Y    N
      staff/proposal  top      | Y    N
      staff/proposal  district | Y    N
      staff/info      top      | Y    N
      staff/info      district | Y    N
      leader          top      | Y    N
      leader          district | Y    N
      member          top      | Y    N
      member          district | Y    N
      unit            top      | Y    N
      unit            district | Y    N
    `, (_a, record, committeeId) => ({ committeeId, keepsNationalCalendar: record === 'top' }));
    // rules kept by the admin, and the audit trail's own (its retention), kept by the security auditor
    check(settingsPolicy, `
      actor           record   | read update
      admin           admin    | Y    Y
      admin           auditor  | Y    N
      secadmin        admin    | N    N
      secadmin        auditor  | N    N
      auditor         admin    | N    N
      auditor         auditor  | Y    Y
      staff/general   admin    | Y    N
      staff/general   auditor  | Y    N
      staff/members   admin    | Y    N
      staff/members   auditor  | Y    N
      staff/proposal  admin    | Y    N
      staff/proposal  auditor  | Y    N
      staff/info      admin    | Y    N
      staff/info      auditor  | Y    N
      leader          admin    | Y    N
      leader          auditor  | Y    N
      member          admin    | Y    N
      member          auditor  | Y    N
      unit            admin    | Y    N
      unit            auditor  | Y    N
    `, (_a, record, committeeId) => ({ committeeId, keptBy: record as 'admin' | 'auditor' }));
    // only the security auditor reads the trail; nobody, the admin included, has an action that erases it
    check(auditPolicy, `
      actor           record | read
      admin           any    | N
      secadmin        any    | N
      auditor         any    | Y
      staff/general   any    | N
      staff/members   any    | N
      staff/proposal  any    | N
      staff/info      any    | N
      leader          any    | N
      member          any    | N
      unit            any    | N
    `, committee);
  });
});
