import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { filedProposal, ok } from '../support/proposals.js';
import { sql } from 'drizzle-orm';
import { auditTitles } from '../../src/server/platform/audit/names.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';

/**
 * The auditor reads the trail in Chinese: every action the demo committee's trail holds has a
 * Chinese name, records are named by their title or number instead of a UUID, and the auditor
 * filters by the Chinese action and by a record's title or number.
 */
describe.each(dbKinds)('audit log in Chinese on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('names every action, shows records by title and number, filters by them', async () => {
    const { p } = await filedProposal(t);
    const auditor = await t.as('auditor');
    const actions = (await ok(auditor.get('/api/audit/actions'))).items;
    expect(actions.length).toBeGreaterThan(10);
    // no action is left as its code
    expect(actions.filter((a: any) => a.label === a.action || /[a-z]/i.test(a.label))).toEqual([]);
    expect(actions).toEqual(expect.arrayContaining([{ action: 'proposal.file', label: '提案·立案' }, { action: 'auth.login', label: '登录' }]));

    const number = p.numberText.match(/第\d{4}号/)[0];
    const found = await ok(auditor.get(`/api/audit?q=${encodeURIComponent(number)}&action=proposal.file`));
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ actionLabel: '提案·立案', subjectLabel: '提案', subjectId: p.id });
    expect(found.items[0].subjectTitle).toContain(number);
    expect(found.items[0].subjectTitle).toContain(p.title);
    const byTitle = await ok(auditor.get(`/api/audit?q=${encodeURIComponent(p.title.slice(2, 10))}`));
    expect(byTitle.items.map((i: any) => i.subjectId)).toContain(p.id);
    expect((await ok(auditor.get('/api/audit?q=没有这样的记录标题'))).total).toBe(0);
  });

  it('names the record of every kind the demo committees’ trails hold, never leaving a record id', async () => {
    const rows = await t.database.db
      .selectDistinct({ committeeId: auditLog.committeeId, subjectType: auditLog.subjectType, subjectId: auditLog.subjectId })
      .from(auditLog)
      .where(sql`${auditLog.subjectId} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`);
    const byKind = new Map<string, { committee_id: string; subject_type: string; ids: string[] }>();
    for (const r of rows) {
      const g = byKind.get(`${r.committeeId}:${r.subjectType}`) ?? { committee_id: r.committeeId, subject_type: r.subjectType, ids: [] };
      if (g.ids.length < 20) g.ids.push(r.subjectId);
      byKind.set(`${r.committeeId}:${r.subjectType}`, g);
    }
    const groups = [...byKind.values()];
    expect(groups.length).toBeGreaterThan(20);
    const unnamed: string[] = [];
    for (const g of groups) {
      const titles = await auditTitles(t.database.db, t.app.services.modules.auditSubjects, g.committee_id, g.ids.map((subjectId: string) => ({ subjectType: g.subject_type, subjectId })));
      const missing = g.ids.filter((id: string) => !titles.get(`${g.subject_type}:${id}`));
      if (missing.length) unnamed.push(`${g.subject_type} (${missing.length} of ${g.ids.length})`);
    }
    expect([...new Set(unnamed)].sort()).toEqual([]);

    // and the auditor finds them by what they are called: a 基层协商议事会 by its topic, a 办实事 by its title
    const auditor = await t.as('auditor');
    for (const type of ['consultationCouncil', 'outreachDeed']) {
      const [row] = (await ok(auditor.get(`/api/audit?subjectType=${type}&pageSize=1`))).items;
      expect(row.subjectTitle, type).toBeTruthy();
      const word = row.subjectTitle.replace(/^[^“《]*[“《]/, '').slice(0, 6);
      expect((await ok(auditor.get(`/api/audit?q=${encodeURIComponent(word)}&subjectType=${type}`))).items.map((i: any) => i.subjectId), `${type} ${word}`).toContain(row.subjectId);
    }
  });
});
