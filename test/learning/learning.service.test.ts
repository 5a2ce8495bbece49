import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { memberIdOf, ok } from '../support/proposals.js';
import { chinaToday } from '../../src/server/platform/calendar/workdays.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { notifications } from '../../src/server/platform/notifications/schema.js';
import { users } from '../../src/server/platform/auth/schema.js';

const today = chinaToday();
const shift = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

describe.each(dbKinds)('学习 (每日一学, 书香政协) on %s', (kind) => {
  let t: TestApp;
  let office: Client;
  let member: Client;
  let member2: Client;
  let member3: Client;
  let proposalStaff: Client;
  let foreign: Client;
  let memberId: string;
  let member2Id: string;
  let itemId: string;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    [office, member, member2, member3, proposalStaff, foreign] = await Promise.all([t.as('office'), t.as('member'), t.as('member2'), t.as('member3'), t.as('staff'), t.as('ft_member')]);
    [memberId, member2Id] = await Promise.all([memberIdOf(t, 'member'), memberIdOf(t, 'member2')]);
  });
  afterAll(() => t.close());

  const live = async (kind: string, sourceId: string) =>
    t.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.kind, kind), eq(ledgerEntries.sourceId, sourceId), isNull(ledgerEntries.voidedAt)));
  const item = { title: '习近平关于加强和改进人民政协工作的重要思想', body: '人民政协是中国共产党把马克思列宁主义统一战线理论、政党理论、民主政治理论同中国具体实际相结合的伟大成果。', source: '《求是》2024年第10期', forDate: today };

  it('staff draft an item; bad input is refused naming the field in Chinese; members cannot draft', async () => {
    const blank = await office.post('/api/learning/items', { ...item, title: '  ' });
    expect(blank.status).toBe(400);
    expect(JSON.stringify(blank.body)).toContain('标题');
    const link = await office.post('/api/learning/items', { ...item, link: 'javascript:alert(1)' });
    expect(link.status).toBe(400);
    expect(JSON.stringify(link.body)).toContain('链接');
    const day = await office.post('/api/learning/items', { ...item, forDate: '2026-02-30' });
    expect(day.status).toBe(400);
    expect(JSON.stringify(day.body)).toContain('学习日期');
    expect((await member.post('/api/learning/items', item)).status).toBe(403);
    expect((await proposalStaff.post('/api/learning/items', item)).status).toBe(403);
    const draft = await ok(office.post('/api/learning/items', item));
    expect(draft).toMatchObject({ status: 'draft', statusLabel: '草稿', actions: expect.arrayContaining(['publish', 'update']) });
    itemId = draft.id;
    // a draft is nobody's but the keeping offices'
    expect((await member.get(`/api/learning/items/${itemId}`)).status).toBe(404);
    expect((await ok(member.get('/api/learning/items'))).items.map((i: any) => i.id)).not.toContain(itemId);
  });

  it('publishing tells the committee’s members (a stale version is refused with 409), with an audit row', async () => {
    const draft = await ok(office.get(`/api/learning/items/${itemId}`));
    const edited = await ok(office.patch(`/api/learning/items/${itemId}`, { version: draft.version, source: '《求是》2024年第11期' }));
    expect((await office.post(`/api/learning/items/${itemId}/actions/publish`, { version: draft.version })).status).toBe(409);
    expect((await member.post(`/api/learning/items/${itemId}/actions/publish`, { version: edited.version })).status).toBe(404);
    const published = await ok(office.post(`/api/learning/items/${itemId}/actions/publish`, { version: edited.version }));
    expect(published).toMatchObject({ status: 'published', source: '《求是》2024年第11期' });
    const [u] = await t.database.db.select().from(users).where(eq(users.username, 'member'));
    const notes = await t.database.db.select().from(notifications).where(and(eq(notifications.userId, u!.id), eq(notifications.link, `/learning/items/${itemId}`)));
    expect(notes.map((n) => n.title)).toEqual([`每日一学：${item.title}`]);
    const [staffUser] = await t.database.db.select().from(users).where(eq(users.username, 'office'));
    expect(await t.database.db.select().from(notifications).where(and(eq(notifications.userId, staffUser!.id), eq(notifications.link, `/learning/items/${itemId}`)))).toEqual([]);
    const audit = await t.database.query<{ action: string }>('select action from audit_log where subject_id = $1 order by seq', [itemId]);
    expect(audit.map((a) => a.action)).toEqual(['learningItem.create', 'learningItem.update', 'learningItem.publish']);
  });

  it('a member marks it learned once: one ledger entry, however often they press; the figure is the sum of its parts', async () => {
    const card = (await ok(member.get('/api/dashboard'))).cards.find((c: any) => c.key === 'learningToday');
    expect(card).toMatchObject({ link: '/learning/mine' });
    expect(card.value).toBe(card.parts.reduce((s: number, p: any) => s + p.value, 0));
    expect(card.parts.find((p: any) => p.key === 'today').value).toBeGreaterThanOrEqual(1);
    const mine = await ok(member.get('/api/learning/mine'));
    expect(mine.todayItem).toMatchObject({ id: itemId, learned: false, actions: ['learn'], figures: null });
    const first = await ok(member.post(`/api/learning/items/${itemId}/learned`));
    expect(first).toMatchObject({ learned: true, actions: [], learnedBy: null });
    const again = await ok(member.post(`/api/learning/items/${itemId}/learned`));
    expect(again.learnedAt).toBe(first.learnedAt);
    expect((await live('learning.daily', itemId)).map((e) => e.memberId)).toEqual([memberId]);
    expect((await proposalStaff.post(`/api/learning/items/${itemId}/learned`)).status).toBe(403);
    const seen = await ok(office.get(`/api/learning/items/${itemId}`));
    expect(seen.figures.learned).toBe(1);
    expect(seen.figures.learned + seen.figures.notLearned).toBe(seen.figures.members);
    expect(seen.learnedBy.map((p: any) => p.memberId)).toEqual([memberId]);
    expect(seen.notLearnedBy.length).toBe(seen.figures.notLearned);
    expect(seen.notLearnedBy.map((p: any) => p.memberId)).toContain(member2Id);
    expect((await ok(member.get('/api/learning/mine'))).record.learned.map((l: any) => l.id)).toContain(itemId);
  });

  it('another committee’s member can neither read nor mark the item (404)', async () => {
    expect((await foreign.get(`/api/learning/items/${itemId}`)).status).toBe(404);
    expect((await foreign.post(`/api/learning/items/${itemId}/learned`)).status).toBe(404);
    expect((await ok(foreign.get('/api/learning/items'))).items.map((i: any) => i.id)).not.toContain(itemId);
  });

  it('staff set up a reading group; its members check in once a day within its period; the others cannot see it', async () => {
    const bad = await office.post('/api/learning/groups', { name: '第一读书小组', bookTitle: '人民政协理论与实践', startsOn: shift(5), endsOn: shift(-5), memberIds: [memberId] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('结束日期');
    const none = await office.post('/api/learning/groups', { name: '第一读书小组', bookTitle: '人民政协理论与实践', startsOn: shift(-10), endsOn: shift(10), memberIds: [] });
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain('小组成员');
    expect((await member.post('/api/learning/groups', { name: '第一读书小组', bookTitle: '人民政协理论与实践', startsOn: shift(-10), endsOn: shift(10), memberIds: [memberId] })).status).toBe(403);
    const group = await ok(office.post('/api/learning/groups', { name: '第一读书小组', bookTitle: '人民政协理论与实践', description: '每周共读两章', startsOn: shift(-10), endsOn: shift(10), memberIds: [memberId, member2Id] }));
    groupId = group.id;
    expect(group).toMatchObject({ memberCount: 2, status: 'open', checkedInToday: null });

    const future = await member.post(`/api/learning/groups/${groupId}/checkins`, { day: shift(1), reading: '第一章' });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain('打卡日期');
    const before = await member.post(`/api/learning/groups/${groupId}/checkins`, { day: shift(-11), reading: '第一章' });
    expect(before.status).toBe(400);
    expect(JSON.stringify(before.body)).toContain('读书期间');
    const empty = await member.post(`/api/learning/groups/${groupId}/checkins`, { reading: '' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('阅读内容');

    const done = await ok(member.post(`/api/learning/groups/${groupId}/checkins`, { reading: '第一章 人民政协的性质', note: '政协是专门协商机构，协商民主要贯穿履职全过程。' }));
    expect(done.checkins).toHaveLength(1);
    expect(done.checkedInToday).toBe(true);
    const twice = await member.post(`/api/learning/groups/${groupId}/checkins`, { reading: '第二章' });
    expect(twice.status).toBe(409);
    expect(JSON.stringify(twice.body)).toContain('已经打过卡');
    await ok(member.post(`/api/learning/groups/${groupId}/checkins`, { day: shift(-1), reading: '序言' }));
    expect((await live('learning.reading', groupId)).map((e) => `${e.memberId}:${e.day}`).sort()).toEqual([`${memberId}:${shift(-1)}`, `${memberId}:${today}`].sort());

    // member3 is not in the group; another committee's member is not even of the committee
    expect((await member3.get(`/api/learning/groups/${groupId}`)).status).toBe(404);
    expect((await member3.post(`/api/learning/groups/${groupId}/checkins`, { reading: '第一章' })).status).toBe(404);
    expect((await foreign.get(`/api/learning/groups/${groupId}`)).status).toBe(404);
    expect((await foreign.post(`/api/learning/groups/${groupId}/checkins`, { reading: '第一章' })).status).toBe(404);
    expect((await ok(member3.get('/api/learning/groups'))).items.map((g: any) => g.id)).not.toContain(groupId);

    // a fellow member reads the notes
    const read = await ok(member2.get(`/api/learning/groups/${groupId}`));
    expect(read.checkins.find((c: any) => c.day === today)).toMatchObject({ memberId, note: expect.stringContaining('专门协商机构'), actions: [] });
    expect((await ok(member2.get('/api/learning/mine'))).groups.map((g: any) => g.id)).toContain(groupId);
  });

  it('staff feature a note (another ledger entry), take it back (voided); members cannot; a stale version is 409', async () => {
    const group = await ok(office.get(`/api/learning/groups/${groupId}`));
    const c = group.checkins.find((x: any) => x.day === today);
    expect(c.actions).toEqual(['feature']);
    const noNote = group.checkins.find((x: any) => x.day === shift(-1));
    expect((await office.post(`/api/learning/checkins/${noNote.id}/feature`, { version: noNote.version, featured: true })).status).toBe(400);
    expect((await member2.post(`/api/learning/checkins/${c.id}/feature`, { version: c.version, featured: true })).status).toBe(403);
    const featured = await ok(office.post(`/api/learning/checkins/${c.id}/feature`, { version: c.version, featured: true }));
    expect(featured).toMatchObject({ featured: true, actions: ['unfeature'] });
    expect((await office.post(`/api/learning/checkins/${c.id}/feature`, { version: c.version, featured: false })).status).toBe(409);
    expect((await live('learning.note', groupId)).map((e) => e.memberId)).toEqual([memberId]);
    await ok(office.post(`/api/learning/checkins/${c.id}/feature`, { version: featured.version, featured: false }));
    expect(await live('learning.note', groupId)).toEqual([]);
    const again = await ok(office.get(`/api/learning/groups/${groupId}`));
    const c2 = again.checkins.find((x: any) => x.id === c.id);
    await ok(office.post(`/api/learning/checkins/${c.id}/feature`, { version: c2.version, featured: true }));
  });

  it('the member’s performance record lists the entries and opens the item and the group; closed groups take no check-ins', async () => {
    const record = await ok(member.get(`/api/performance/members/${memberId}`));
    const kinds = record.entries.filter((e: any) => e.kind.startsWith('learning.'));
    expect(kinds.map((e: any) => e.kind).sort()).toEqual(['learning.daily', 'learning.note', 'learning.reading', 'learning.reading']);
    expect(kinds.find((e: any) => e.kind === 'learning.daily')).toMatchObject({ link: `/learning/items/${itemId}`, sourceId: itemId });
    expect(kinds.find((e: any) => e.kind === 'learning.note')).toMatchObject({ link: `/learning/groups/${groupId}`, points: 2 });
    const seen = await ok(office.get(`/api/learning/groups/${groupId}`));
    const group = await ok(office.patch(`/api/learning/groups/${groupId}`, { version: seen.version, description: '每周共读两章，周五交流' }));
    expect((await office.patch(`/api/learning/groups/${groupId}`, { version: seen.version, bookTitle: '新书' })).status).toBe(409);
    const closed = await ok(office.post(`/api/learning/groups/${groupId}/close`, { version: group.version }));
    expect(closed.status).toBe('closed');
    expect((await office.post(`/api/learning/groups/${groupId}/close`, { version: closed.version })).status).toBe(403);
    const late = await member2.post(`/api/learning/groups/${groupId}/checkins`, { reading: '第三章' });
    expect(late.status).toBe(409);
    const summary = await ok(office.get(`/api/summary?year=${today.slice(0, 4)}`));
    expect(summary.sections.find((s: any) => s.key === 'learning')).toMatchObject({ title: '委员学习' });
  });
});
