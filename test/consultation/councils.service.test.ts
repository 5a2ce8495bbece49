import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { chinaToday } from '../../src/server/platform/calendar/workdays.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { audit } from '../../src/server/platform/audit/audit.js';
import { consultationCouncils } from '../../src/server/modules/consultation/schema.js';

const today = chinaToday();
const year = Number(today.slice(0, 4));
const migrations = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../src/server/db/migrations');
/** The data statements appended to the migration that created the grassroots councils (`-- data:` …). */
const dataStatements = () =>
  readFileSync(path.join(migrations, '0042_wild_carlie_cooper.sql'), 'utf8').split('--> statement-breakpoint').map((s) => s.trim()).filter((s) => s.startsWith('-- data:'));

/**
 * 基层协商 (五方六步): the office takes a council through the six steps with the five parties — a
 * resident and an expert with no account — the members at the table are credited from 协商议事 on,
 * the result goes to the portal without anyone's name or phone, the agreed items are followed to the
 * end; and the 联系群众 livelihood councils arrive through the migration with their ledger entries.
 */
describe.each(dbKinds)('grassroots councils (基层协商) on %s', (kind) => {
  let t: TestApp;
  let committeeId: string;
  const clients = new Map<string, Promise<Client>>();
  const as = (u: string) => {
    if (!clients.has(u)) clients.set(u, t.as(u));
    return clients.get(u)!;
  };
  const memberIdOf = async (u: string) => (await ok((await as(u)).get('/api/auth/me'))).user.memberId as string;
  const quota = async (u: string) => (await ok((await as(u)).get(`/api/performance/me?year=${year}`))).quotas.find((q: any) => q.key === 'council').have as number;
  const live = async (sourceId: string) =>
    t.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.sourceId, sourceId), isNull(ledgerEntries.voidedAt)));

  beforeAll(async () => {
    t = await startTestApp(kind);
    committeeId = (await ok(t.anonymous.get('/api/portal/committees'))).items.find((c: any) => c.shortName === '龙岗区政协').id;
  });
  afterAll(() => t.close());

  it('the demo: one council published and being followed, one at 议前调研; the portal shows the first without names or phones', async () => {
    const office = await as('office');
    const list = await ok(office.get('/api/consultation/councils'));
    const lift = list.items.find((c: any) => c.topic === '长龙花园老旧小区加装电梯');
    const parking = list.items.find((c: any) => c.topic === '坂田城中村背街小巷停车难');
    expect(lift).toMatchObject({ status: 'following', step: 6, itemCount: 3, itemsDone: 1 });
    expect(parking).toMatchObject({ status: 'researching', statusLabel: '议前调研', step: 3 });
    // the six livelihood councils of 联系群众, held (协商议事)
    expect(list.items.filter((c: any) => c.status === 'deliberating').length).toBeGreaterThanOrEqual(6);
    const detail = await ok(office.get(`/api/consultation/councils/${lift.id}`));
    expect(new Set(detail.participants.map((p: any) => p.party))).toEqual(new Set(['party', 'government', 'member', 'resident', 'expert']));
    expect(detail.participants.find((p: any) => p.name === '张秀英').phone).toBe('13912340001');

    const portal = await ok(t.anonymous.get(`/api/portal/councils?committeeId=${committeeId}`));
    expect(portal.items.map((c: any) => c.topic)).toEqual(['长龙花园老旧小区加装电梯']);
    const page = await t.anonymous.get(`/api/portal/councils/${lift.id}`);
    expect(page.status).toBe(200);
    expect(page.body.parties).toEqual(expect.arrayContaining([{ party: 'resident', label: '居民群众', count: 2 }]));
    for (const secret of ['13912340001', '张秀英', '王立新', 'memberId', 'phone']) expect(page.raw).not.toContain(secret);
    expect((await t.anonymous.get(`/api/portal/councils/${parking.id}`)).status).toBe(404);
    // the portal's search finds the published council by its words, never the one still at 议前调研
    const found = await ok(t.anonymous.get(`/api/portal/search?committeeId=${committeeId}&q=${encodeURIComponent('加装电梯 停车')}&kind=council`));
    expect(found.items.map((c: any) => c.id)).toEqual([lift.id]);
    expect(found.items[0]).toMatchObject({ kindLabel: '基层协商', href: `/portal/councils/${lift.id}` });
    for (const secret of ['13912340001', '张秀英']) expect(JSON.stringify(found)).not.toContain(secret);

    // a member sees the councils they sit at, with names but no phones
    const member = await as('member');
    const mine = await ok(member.get('/api/consultation/councils'));
    expect(mine.items.map((c: any) => c.topic)).toContain('坂田城中村背街小巷停车难');
    expect(mine.items.map((c: any) => c.topic)).not.toContain('长龙花园老旧小区加装电梯');
    const theirs = await ok(member.get(`/api/consultation/councils/${parking.id}`));
    expect(theirs.actions).toEqual([]);
    expect(theirs.participants.every((p: any) => p.phone === null)).toBe(true);
    expect((await member.get(`/api/consultation/councils/${lift.id}`)).status).toBe(404);
  });

  it('staff-runs-council: six steps with five parties; members credited from 协商议事, published without personal data, followed to the end', async () => {
    const office = await as('office');
    const member3 = await as('member3');
    const member3Id = await memberIdOf('member3');
    const before = await quota('member3');
    // only the general office opens one
    expect((await member3.post('/api/consultation/councils', { topic: '小区垃圾分类投放点设置', organizer: '龙城街道政协联络组', place: '龙城街道议事室' })).status).toBe(403);
    expect((await (await as('leader')).post('/api/consultation/councils', { topic: '小区垃圾分类投放点设置', organizer: '龙城街道政协联络组', place: '龙城街道议事室' })).status).toBe(403);
    const bad = await office.post('/api/consultation/councils', { topic: '短', organizer: '龙城街道政协联络组', place: '龙城街道议事室' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('议题');
    let c = await ok(office.post('/api/consultation/councils', { topic: '小区垃圾分类投放点设置', organizer: '龙城街道政协联络组', place: '龙城街道议事室', opinions: '居民反映投放点离单元门太近，夏季异味大。' }));
    expect(c).toMatchObject({ status: 'collecting', statusLabel: '收集民意', step: 1, actions: expect.arrayContaining(['setTopic', 'update', 'void']) });

    // 五方: a member from the roster, a resident with a phone and an expert, no accounts
    c = await ok(office.post(`/api/consultation/councils/${c.id}/participants`, { version: c.version, party: 'member', memberId: member3Id }));
    c = await ok(office.post(`/api/consultation/councils/${c.id}/participants`, { version: c.version, party: 'resident', name: '林阿姨', unit: '龙城花园居民', phone: '13700001234' }));
    c = await ok(office.post(`/api/consultation/councils/${c.id}/participants`, { version: c.version, party: 'expert', name: '许博士', unit: '区环境卫生研究所' }));
    expect(c.participants.map((p: any) => p.partyLabel)).toEqual(['政协委员', '居民群众', '专家']);
    const noName = await office.post(`/api/consultation/councils/${c.id}/participants`, { version: c.version, party: 'resident' });
    expect(noName.status).toBe(400);
    expect(noName.body.message).toContain('姓名');
    const twice = await office.post(`/api/consultation/councils/${c.id}/participants`, { version: c.version, party: 'member', memberId: member3Id });
    expect(twice.status).toBe(400);
    expect(twice.body.message).toContain('已在参加人员中');
    // a stale version is a conflict, not a lost update
    expect((await office.post(`/api/consultation/councils/${c.id}/actions/setTopic`, { version: c.version - 1 })).status).toBe(409);

    for (const action of ['setTopic', 'research'] as const) c = await ok(office.post(`/api/consultation/councils/${c.id}/actions/${action}`, { version: c.version }));
    expect(c.status).toBe('researching');
    expect(await quota('member3')).toBe(before);
    // a step out of order is refused; the day of 协商议事 cannot be in the future
    expect((await office.post(`/api/consultation/councils/${c.id}/actions/publish`, { version: c.version, result: '经协商，投放点移至小区东侧空地。' })).status).toBe(409);
    const future = await office.post(`/api/consultation/councils/${c.id}/actions/deliberate`, { version: c.version, day: `${year + 1}-01-01` });
    expect(future.status).toBe(400);
    expect(future.body.message).toContain('议事日期');
    c = await ok(office.post(`/api/consultation/councils/${c.id}/actions/deliberate`, { version: c.version, day: today, minutes: '各方围绕投放点位置和清运时间协商。' }));
    expect(await quota('member3')).toBe(before + 1);
    expect((await live(c.id)).map((e) => [e.kind, e.sourceType, e.note])).toEqual([['consultation.council', 'consultationCouncil', '小区垃圾分类投放点设置']]);
    // the participant reads it; a member not at the table does not
    expect((await member3.get(`/api/consultation/councils/${c.id}`)).status).toBe(200);
    expect((await (await as('member')).get(`/api/consultation/councils/${c.id}`)).status).toBe(404);
    expect((await t.anonymous.get(`/api/portal/councils/${c.id}`)).status).toBe(404);

    const short = await office.post(`/api/consultation/councils/${c.id}/actions/publish`, { version: c.version, result: '移位' });
    expect(short.status).toBe(400);
    expect(short.body.message).toContain('协商结果');
    c = await ok(office.post(`/api/consultation/councils/${c.id}/actions/publish`, { version: c.version, result: '经协商一致，投放点移至小区东侧空地，增加一次夜间清运。' }));
    expect(c).toMatchObject({ status: 'published', publishedOn: today, blocked: { follow: '请先添加议定事项' } });
    expect((await office.post(`/api/consultation/councils/${c.id}/actions/follow`, { version: c.version })).status).toBe(409);
    const portal = await t.anonymous.get(`/api/portal/councils/${c.id}`);
    expect(portal.status).toBe(200);
    for (const secret of ['13700001234', '林阿姨', '许博士', member3Id]) expect(portal.raw).not.toContain(secret);

    c = await ok(office.post(`/api/consultation/councils/${c.id}/items`, { version: c.version, title: '投放点移至小区东侧空地', responsible: '龙城街道城市管理办公室' }));
    c = await ok(office.post(`/api/consultation/councils/${c.id}/actions/follow`, { version: c.version }));
    expect(c.blocked).toEqual({ finish: '还有1项议定事项未落实' });
    c = await ok(office.patch(`/api/consultation/councils/${c.id}/items/${c.items[0].id}`, { version: c.version, status: 'done', progress: '投放点已完成迁移。' }));
    expect(c.items[0]).toMatchObject({ status: 'done', statusLabel: '已落实', doneOn: today });
    c = await ok(office.post(`/api/consultation/councils/${c.id}/actions/finish`, { version: c.version }));
    expect(c).toMatchObject({ status: 'done', step: 7, actions: [] });
    expect((await t.anonymous.get(`/api/portal/councils/${c.id}`)).body.items[0]).toMatchObject({ statusLabel: '已落实', progress: '投放点已完成迁移。' });
    expect(await quota('member3')).toBe(before + 1);

    // every change wrote its audit row, with the phone kept out of the trail
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, c.id));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['consultationCouncil.create', 'consultationCouncil.addParticipant', 'consultationCouncil.deliberate', 'consultationCouncil.publish', 'consultationCouncil.addItem', 'consultationCouncil.updateItem', 'consultationCouncil.finish']));
    expect(JSON.stringify(rows)).not.toContain('13700001234');
  });

  it('removing a member from the table, or voiding the council, takes their credit back', async () => {
    const office = await as('office');
    const member2Id = await memberIdOf('member2');
    const before = await quota('member2');
    let c = await ok(office.post('/api/consultation/councils', { topic: '背街小巷环境整治', organizer: '布吉街道政协联络组', place: '布吉街道议事厅' }));
    c = await ok(office.post(`/api/consultation/councils/${c.id}/participants`, { version: c.version, party: 'member', memberId: member2Id }));
    c = await ok(office.post(`/api/consultation/councils/${c.id}/participants`, { version: c.version, party: 'government', name: '陈科长', unit: '布吉街道城市管理办公室' }));
    for (const action of ['setTopic', 'research'] as const) c = await ok(office.post(`/api/consultation/councils/${c.id}/actions/${action}`, { version: c.version }));
    c = await ok(office.post(`/api/consultation/councils/${c.id}/actions/deliberate`, { version: c.version, day: today }));
    expect(await quota('member2')).toBe(before + 1);
    const seat = c.participants.find((p: any) => p.memberId === member2Id);
    c = await ok(office.post(`/api/consultation/councils/${c.id}/participants/${seat.id}/remove`, { version: c.version }));
    expect(await quota('member2')).toBe(before);
    c = await ok(office.post(`/api/consultation/councils/${c.id}/participants`, { version: c.version, party: 'member', memberId: member2Id }));
    expect(await quota('member2')).toBe(before + 1);
    c = await ok(office.post(`/api/consultation/councils/${c.id}/actions/void`, { version: c.version, reason: '议事会延期，未实际召开' }));
    expect(c).toMatchObject({ status: 'voided', voidReason: '议事会延期，未实际召开', actions: [] });
    expect(await live(c.id)).toEqual([]);
    expect(await quota('member2')).toBe(before);
  });

  it('the migration: an old 联系群众 livelihood council becomes a grassroots council at 协商议事, its member seated by the roster, its ledger entry still counting', async () => {
    const db = t.database.db;
    const member2Id = await memberIdOf('member2');
    const officeUser = (await ok((await as('office')).get('/api/auth/me'))).user.id as string;
    const id = '6f1d7e52-2c1a-4f7e-9a51-3b7c5e9d0a11';
    const voidedId = '6f1d7e52-2c1a-4f7e-9a51-3b7c5e9d0a12';
    // the table as it was before (dropped by the next migration), with two rows and the entry the first earned
    await db.execute(sql.raw(`create table outreach_councils (id uuid primary key, committee_id uuid not null, version integer not null default 1, created_at timestamptz not null default now(), updated_at timestamptz not null default now(),
      topic text not null, day date not null, place text not null, member_ids jsonb not null, summary text, status text not null default 'active', voided_at timestamptz, voided_by_name text, void_reason text, created_by_user_id uuid not null)`));
    try {
      await db.execute(sql`insert into outreach_councils (id, committee_id, topic, day, place, member_ids, summary, status, created_by_user_id) values
        (${id}, ${committeeId}, '老旧小区公交站台改造', ${today}, '布吉街道民生议事厅', ${JSON.stringify([member2Id])}::jsonb, '议定由街道牵头，三个月内完成站台改造', 'active', ${officeUser}),
        (${voidedId}, ${committeeId}, '延期的议事会', ${today}, '布吉街道民生议事厅', ${JSON.stringify([member2Id])}::jsonb, null, 'voided', ${officeUser})`);
      await db.insert(ledgerEntries).values({ committeeId, memberId: member2Id, kind: 'consultation.council', day: today, sourceType: 'outreachCouncil', sourceId: id, part: 'lead', note: '老旧小区公交站台改造' });
      const before = await quota('member2');
      for (const statement of dataStatements()) await db.execute(sql.raw(statement));

      const [moved] = await db.select().from(consultationCouncils).where(eq(consultationCouncils.id, id));
      expect(moved).toMatchObject({ status: 'deliberating', year, day: today, place: '布吉街道民生议事厅', minutes: '议定由街道牵头，三个月内完成站台改造' });
      expect((await db.select().from(consultationCouncils).where(eq(consultationCouncils.id, voidedId)))[0].status).toBe('voided');
      expect(await quota('member2')).toBe(before);
      const member2 = await as('member2');
      const page = await ok(member2.get(`/api/consultation/councils/${id}`));
      expect(page.participants).toEqual([expect.objectContaining({ party: 'member', memberId: member2Id })]);
      expect((await live(id)).map((e) => e.sourceType)).toEqual(['consultationCouncil']);
      const entryId = (await live(id))[0].id;
      // the council's next change keeps the entry as it is (same member, kind, day and note)
      const office = await as('office');
      await ok(office.patch(`/api/consultation/councils/${id}`, { version: page.version, organizer: '布吉街道政协联络组' }));
      expect((await live(id)).map((e) => e.id)).toEqual([entryId]);
      // the trail's rows of the old council (subject 民生议事会) still name it, now from where it lives
      await db.transaction((tx) => audit(tx, { userId: officeUser, committeeId, name: '办公室', roles: ['staff'], office: 'general', memberId: null, unitId: null }, { action: 'outreachCouncil.create', subjectType: 'outreachCouncil', subjectId: id, after: { topic: '老旧小区公交站台改造' } }));
      const [row] = (await ok((await as('auditor')).get(`/api/audit?subjectType=outreachCouncil&pageSize=1`))).items;
      expect(row.subjectTitle).toBe(`民生议事会“老旧小区公交站台改造”（${today}）`);
      // and the member's performance record links the entry to the council's page
      const record = await ok(member2.get(`/api/performance/me?year=${year}`));
      expect(JSON.stringify(record)).toContain(`/consultation/councils/${id}`);
    } finally {
      await db.execute(sql.raw('drop table outreach_councils'));
    }
  });
});
