import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client.js';
import { remindable } from '../../src/server/platform/handling/reminders.js';
import { dbKinds, freshDatabase } from '../support/db.js';

/**
 * The reminders job runs every few minutes over handling_assignments, which at province scale
 * holds millions of rows, nearly all done or already reminded. Its query must be answered from
 * the partial index of the rows it can still remind, not by reading the table: shown here on a
 * table shaped like a province's (a few years of closed handling, a little open work).
 */
describe.each(dbKinds)('reminders: the due query uses its partial index on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    const [{ id }] = await database.query<{ id: string }>('select id from committees limit 1');
    // 30,000 closed or reminded assignments, 300 open ones not reminded yet
    await database.query(
      `insert into handling_assignments (committee_id, subject_type, subject_id, unit_id, role, status, assigned_on, objection_deadline, reply_deadline, reminded_at)
       select $1, 'proposal', gen_random_uuid(), gen_random_uuid(), (array['sole','lead','assisting','split'])[1 + g % 4],
              case when g % 100 = 0 then 'signed' else 'done' end,
              date '2022-01-01' + g % 1500, date '2022-01-06' + g % 1500, date '2022-04-01' + g % 1500,
              case when g % 100 = 0 or g % 3 = 0 then null else now() end
       from generate_series(1, 30000) g`,
      [id],
    );
    await database.query('analyze handling_assignments');
  }, 120_000);
  afterAll(() => database?.close());

  it('plans an index scan on assignments_remind_due_idx', async () => {
    const { sql, params } = remindable(database.db, '2026-12-31').toSQL();
    const plan = (await database.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, params)).map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toContain('assignments_remind_due_idx');
    expect(plan).not.toMatch(/Seq Scan on handling_assignments/);
  });
});
