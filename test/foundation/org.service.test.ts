import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { verifyAuditChain } from '../../src/server/platform/audit/audit.js';
import { signIn } from './support.js';

const labels = (res: { body: any }) => (res.body.fields ?? []).map((f: any) => f.label);

/** 组织机构: catalogs, terms and plenary sessions — create, edit, 409 on a stale version, Chinese field errors. */
describe.each(dbKinds)('organisation records on %s', (kind) => {
  let t: TestApp;
  let office: Client;
  beforeAll(async () => {
    t = await startTestApp(kind);
    office = await signIn(t, 'office');
  });
  afterAll(() => t.close());

  it('creates and edits every catalog, refusing a stale version with 409', async () => {
    for (const kind of ['sectors', 'special-committees', 'parties', 'street-groups', 'studios', 'units']) {
      const kinds = (await ok(office.get(`/api/org/${kind}`))).kinds as Record<string, string>;
      const created = await ok(office.post(`/api/org/${kind}`, { name: `测试${kind}`, kind: Object.keys(kinds)[0] ?? null, note: '新增' }));
      expect(created.version, kind).toBe(1);
      expect(created.actions).toEqual(['read', 'create', 'update']);
      const edited = await ok(office.patch(`/api/org/${kind}/${created.id}`, { version: 1, note: '已修改', contactName: '张三' }));
      expect([edited.version, edited.note, edited.contactName]).toEqual([2, '已修改', '张三']);
      const stale = await office.patch(`/api/org/${kind}/${created.id}`, { version: 1, note: '过期的修改' });
      expect(stale.status, kind).toBe(409);
      expect(stale.body.message).toBe('该记录已被他人修改，请刷新后重试');
      const list = (await ok(office.get(`/api/org/${kind}?q=${encodeURIComponent(`测试${kind}`)}`))).items;
      expect(list.map((x: any) => x.note)).toEqual(['已修改']);
    }
    expect(await verifyAuditChain(t.database.db)).toEqual([]);
  });

  it('names the field in Chinese: empty name, unknown kind, duplicate name, dates out of order', async () => {
    const empty = await office.post('/api/org/sectors', { name: '   ' });
    expect([empty.status, labels(empty)]).toEqual([400, ['名称']]);
    const badKind = await office.post('/api/org/units', { name: '某局', kind: 'alien' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.message).toMatch(/^类别：应为：党委部门、政府部门/);
    const first = (await ok(office.get('/api/org/sectors'))).items[0];
    const dup = await office.post('/api/org/sectors', { name: first.name });
    expect([dup.status, dup.body.message]).toEqual([400, '名称：已存在相同的值']);
    const tooLong = await office.post('/api/org/sectors', { name: '界'.repeat(101), sortOrder: -1 });
    expect(labels(tooLong).sort()).toEqual(['名称', '排序'].sort());
    const backwards = await office.post('/api/org/terms', { number: 9, name: '第九届', startDate: '2033-01-01', endDate: '2032-12-31' });
    expect([backwards.status, backwards.body.message]).toEqual([400, '结束日期：不能早于开始日期']);
    const badDate = await office.post('/api/org/terms', { number: 9, name: '第九届', startDate: '2033-02-30' });
    expect(labels(badDate)).toEqual(['开始日期']);
  });

  it('keeps one current term and numbers sessions uniquely within a term', async () => {
    const eighth = await ok(office.post('/api/org/terms', { number: 8, name: '第八届', startDate: '2028-01-05', endDate: '2032-12-31', current: true }));
    const terms = (await ok(office.get('/api/org/terms'))).items as any[];
    expect(terms.filter((x) => x.current).map((x) => x.id)).toEqual([eighth.id]);
    const dupTerm = await office.post('/api/org/terms', { number: 8, name: '又一个第八届', startDate: '2028-01-05' });
    expect(dupTerm.body.message).toBe('届次号：已存在相同的值');
    const session = { termId: eighth.id, number: 1, name: '八届一次会议', year: 2028, startDate: '2028-01-10', endDate: '2028-01-13', proposalOpensOn: '2027-10-10', proposalClosesOn: '2028-01-12' };
    const s1 = await ok(office.post('/api/org/sessions', session));
    expect((await office.post('/api/org/sessions', { ...session, name: '重复' })).body.message).toBe('会议次数：已存在相同的值');
    const closesFirst = await office.post('/api/org/sessions', { ...session, number: 2, proposalClosesOn: '2027-10-01' });
    expect(closesFirst.body.message).toBe('提案征集截止：不能早于开始日期');
    expect((await office.patch(`/api/org/sessions/${s1.id}`, { version: 1, name: '八届一次会议（改）' })).status).toBe(200);
    expect((await office.patch(`/api/org/sessions/${s1.id}`, { version: 1, name: '过期' })).status).toBe(409);
  });

  it('refuses an edit that puts an end before the stored start, even when only the end is sent', async () => {
    const term = await ok(office.post('/api/org/terms', { number: 10, name: '第十届', startDate: '2038-01-05' }));
    const res = await office.patch(`/api/org/terms/${term.id}`, { version: 1, endDate: '2037-12-31' });
    expect([res.status, res.body.message]).toEqual([400, '结束日期：不能早于开始日期']);
    const session = await ok(office.post('/api/org/sessions', { termId: term.id, number: 1, name: '十届一次会议', year: 2038, startDate: '2038-01-10', endDate: '2038-01-13' }));
    const s = await office.patch(`/api/org/sessions/${session.id}`, { version: 1, endDate: '2038-01-01' });
    expect([s.status, s.body.message]).toEqual([400, '闭幕日期：不能早于开始日期']);
    const after = (await ok(office.get(`/api/org/sessions?termId=${term.id}`))).items[0];
    expect([after.endDate, after.version]).toEqual(['2038-01-13', 1]);
  });
});
