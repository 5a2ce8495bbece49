import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { verifyAuditChain } from '../../src/server/platform/audit/audit.js';

describe.each(dbKinds)('foundation on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('reports health with the database kind', async () => {
    const res = await t.anonymous.get('/api/health');
    expect(res.body).toEqual({ status: 'ok', db: kind });
  });

  it('publishes the OpenAPI document of every API route, in Chinese', async () => {
    const res = await t.anonymous.get('/api/docs/json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths);
    for (const p of ['/api/health', '/api/proposals', '/api/proposals/similar', '/api/opinions', '/api/members']) expect(paths).toContain(p);
    expect(res.body.paths['/api/proposals'].post.summary).toBe('新建提案草稿');
  });

  it('adds a member with an audit row and refuses a stale edit with 409', async () => {
    const staff = await t.as('roster');
    const terms = (await staff.get('/api/org/terms')).body.items;
    const sectors = (await staff.get('/api/org/sectors')).body.items;
    const created = await staff.post('/api/members', { termId: terms[0].id, code: 'T0001', name: '测试委员', gender: '女', sectorId: sectors[3].id });
    expect(created.status).toBe(200);
    expect(created.body.sectorName).toBe(sectors[3].name);
    const first = await staff.patch(`/api/members/${created.body.id}`, { version: 1, workplace: '龙岗区人民医院' });
    expect(first.status).toBe(200);
    const stale = await staff.patch(`/api/members/${created.body.id}`, { version: 1, workplace: '别处' });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('已被他人修改');
    expect(await verifyAuditChain(t.database.db)).toEqual([]);
  });

  it('names the field in Chinese on bad input and never answers 500', async () => {
    const staff = await t.as('roster');
    const res = await staff.post('/api/members', { code: '', name: 123, gender: '未知' });
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: any) => f.label)).toEqual(expect.arrayContaining(['委员编号', '姓名', '性别']));
    const dup = await staff.post('/api/members', { termId: (await staff.get('/api/org/terms')).body.items[0].id, code: '07001', name: '重号', gender: '男' });
    expect(dup.status).toBe(400);
    expect(dup.body.message).toContain('委员编号');
  });

  it('locks an account after five wrong passwords', async () => {
    for (let i = 0; i < 4; i++) expect((await t.anonymous.post('/api/auth/login', { username: 'member3', password: 'wrong' })).status).toBe(401);
    const locked = await t.anonymous.post('/api/auth/login', { username: 'member3', password: 'wrong' });
    expect(locked.status).toBe(423);
    const evenRight = await t.anonymous.post('/api/auth/login', { username: 'member3', password: 'Demo@2026' });
    expect(evenRight.status).toBe(423);
  });

  it('hides another committee’s records as not found', async () => {
    const ours = await t.as('roster');
    const theirs = await t.as('ft_roster');
    const id = (await ours.get('/api/members?pageSize=1')).body.items[0].id;
    expect((await theirs.get(`/api/members/${id}`)).status).toBe(404);
    expect((await theirs.patch(`/api/members/${id}`, { version: 1, name: 'x' })).status).toBe(404);
  });
});
