import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { filedProposal, ok } from '../support/proposals.js';

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
});
