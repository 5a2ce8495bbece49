import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';

/** Each handled type whose detail does not carry its contact log: where its record is read. */
const details: Record<string, string> = {
  opinion: '/api/opinions/:id',
  supervision: '/api/supervision/suggestions/:id',
  consultationItem: '/api/consultation/items/:id',
  evaluationFinding: '/api/evaluation/findings/:id',
  researchItem: '/api/research/items/:id',
};
const ACCOUNTS = ['admin', 'staff', 'info', 'office', 'leader', 'member', 'member2', 'member3', 'unit', 'unit2', 'unit3'];

/**
 * The handling panel asks for a record's contact log only when the record says the reader may
 * (readContacts in its actions), so the record and the contacts route must agree: for every demo
 * record sent to units and every account that can open it, readContacts exactly when the log is
 * answered. Whoever may log a contact (its units, the office, its authors) may read the log too.
 */
describe.each(dbKinds)('contact log: the record and the route agree on %s', (kind) => {
  let t: TestApp;
  const clients = new Map<string, Client>();
  beforeAll(async () => {
    t = await startTestApp(kind);
    for (const who of ACCOUNTS) clients.set(who, await t.as(who));
  });
  afterAll(() => t.close());

  it('readContacts is offered exactly to those the contacts route answers, and to whoever may log a contact', async () => {
    const subjects = await t.database.query<{ type: string; id: string }>(
      `select distinct subject_type as type, subject_id as id from handling_assignments where subject_type = any($1) order by 1, 2`,
      [Object.keys(details)],
    );
    // the demo's consultation recommendations are not sent to departments yet; every other type has records that are
    const types = new Set(subjects.map((s) => s.type));
    for (const type of ['opinion', 'supervision', 'evaluationFinding', 'researchItem']) expect(types, type).toContain(type);
    const disagree: string[] = [];
    let readers = 0;
    for (const s of subjects) {
      for (const who of ACCOUNTS) {
        const client = clients.get(who)!;
        const detail = await client.get(details[s.type].replace(':id', s.id));
        if (detail.status !== 200) continue;
        const actions: string[] = detail.body.actions;
        const log = await client.get(`/api/handling/contacts?type=${s.type}&subjectId=${s.id}`);
        const offered = actions.includes('readContacts');
        if (offered !== (log.status === 200)) disagree.push(`${who} ${s.type} ${s.id}: readContacts ${offered}, contacts ${log.status}`);
        if (actions.includes('logContact') && !offered) disagree.push(`${who} ${s.type} ${s.id}: may log a contact but not read the log`);
        if (offered) readers++;
      }
    }
    expect(disagree).toEqual([]);
    expect(readers).toBeGreaterThan(0);
  });
});
