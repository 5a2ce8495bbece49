import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ok, sampleDraft } from '../support/proposals.js';

const collective = (body: string, title: string) => ({ ...sampleDraft, title, authorType: 'collective', collectiveBody: body });

/** 集体提案 are entered by the staff authorised for that party, special committee or sector. */
describe.each(dbKinds)('collective proposals on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('an account enters proposals only for the bodies it acts for; the proposal office for any', async () => {
    const [office, info, staff, admin] = await Promise.all(['office', 'info', 'staff', 'admin'].map((u) => t.as(u)));
    expect((await ok(office.get('/api/proposals/options'))).collectiveBodies).toContain('民盟龙岗区基层委员会');
    expect((await ok(staff.get('/api/proposals/options'))).collectiveBodies).toBeNull();
    expect((await ok(info.get('/api/proposals/options'))).collectiveBodies).toEqual([]);

    const mine = await ok(office.post('/api/proposals', collective('民盟龙岗区基层委员会', '关于加强社区心理健康服务的建议')));
    expect(mine).toMatchObject({ authorType: 'collective', collectiveBody: '民盟龙岗区基层委员会', proposer: '民盟龙岗区基层委员会' });
    const other = await office.post('/api/proposals', collective('民建龙岗区基层委员会', '关于优化营商环境的建议'));
    expect(other.status).toBe(400);
    expect(other.body.message).toContain('集体提案单位');
    expect(other.body.message).toContain('民盟龙岗区基层委员会');
    const none = await info.post('/api/proposals', collective('民建龙岗区基层委员会', '关于优化营商环境的建议'));
    expect(none.status).toBe(400);
    expect(none.body.message).toContain('提案方式');
    await ok(staff.post('/api/proposals', collective('民建龙岗区基层委员会', '关于优化营商环境的建议')));

    // the admin names the bodies on the account; only staff accounts act for bodies
    const { items } = await ok(admin.get('/api/users'));
    const infoUser = items.find((u: any) => u.username === 'info');
    const granted = await ok(admin.patch(`/api/users/${infoUser.id}`, { version: infoUser.version, actsFor: ['民建龙岗区基层委员会'] }));
    expect(granted.actsFor).toEqual(['民建龙岗区基层委员会']);
    await ok(info.post('/api/proposals', collective('民建龙岗区基层委员会', '关于支持民营企业参与城市更新的建议')));
    const memberUser = items.find((u: any) => u.username === 'member');
    const refused = await admin.patch(`/api/users/${memberUser.id}`, { version: memberUser.version, actsFor: ['民建龙岗区基层委员会'] });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('经办集体提案单位');
  });
});
