import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { memberIdOf, ok } from '../support/proposals.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { publicChallenges } from '../../src/server/platform/public-forms/schema.js';
import { consultationRooms } from '../../src/server/modules/consultation/schema.js';

const sumOf = (poll: { result: { total: number; parts: { value: number }[] } }) => poll.result.parts.reduce((a, p) => a + p.value, 0);

/**
 * 网络议政室: the office opens a room on a consultation for a set time, members post, reply, support
 * and vote, the public posts through the portal behind the challenge and moderation, the office hides
 * and summarises, and a closed room refuses every write.
 */
describe.each(dbKinds)('online consultation rooms (网络议政) on %s', (kind) => {
  let t: TestApp;
  let committeeId: string;
  const clients = new Map<string, Promise<Client>>();
  const as = (u: string) => {
    if (!clients.has(u)) clients.set(u, t.as(u));
    return clients.get(u)!;
  };
  const from = (address: string) => ({
    get: (url: string) => t.anonymous.request({ method: 'GET', url, remoteAddress: address }),
    post: (url: string, body: unknown) => t.anonymous.request({ method: 'POST', url, payload: body as any, remoteAddress: address }),
  });
  const solved = async (address: string) => {
    const c = await ok(from(address).get(`/api/portal/challenge?committeeId=${committeeId}`));
    const [row] = await t.database.db.select().from(publicChallenges).where(eq(publicChallenges.id, c.id));
    return { challengeId: c.id as string, challengeAnswer: row.answer };
  };
  const liveEntries = async (memberId: string) =>
    t.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.memberId, memberId), eq(ledgerEntries.kind, 'consultation.roomPost'), isNull(ledgerEntries.voidedAt)));

  beforeAll(async () => {
    t = await startTestApp(kind);
    committeeId = (await ok(t.anonymous.get('/api/portal/committees'))).items.find((c: any) => c.shortName === '龙岗区政协').id;
  });
  afterAll(() => t.close());

  it('the demo room is open with members’ posts, a public post approved, one in the queue, and polls whose totals add up', async () => {
    const member = await as('member');
    const office = await as('office');
    const list = await ok(member.get('/api/consultation/rooms'));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ phase: 'open', phaseLabel: '议政中', publicAccess: true, pendingCount: 0, actions: ['post', 'vote'] });
    const room = await ok(member.get(`/api/consultation/rooms/${list.items[0].id}`));
    expect(room.posts.map((p: any) => p.authorKind)).toEqual(['member', 'member', 'member', 'public']);
    expect(room.posts[0].replies).toHaveLength(1);
    expect(room.moderation).toEqual([]);
    expect(room.polls.map((p: any) => p.kind)).toEqual(['single', 'ranking']);
    for (const poll of room.polls) expect(poll.result.total).toBe(sumOf(poll));
    // a ranking of 4 options by 2 members: 4+3+2+1 points each
    expect(room.polls[1].result).toMatchObject({ unit: '分', total: 20, voters: 2 });

    const staffView = await ok(office.get(`/api/consultation/rooms/${room.id}`));
    expect(staffView.moderation.map((p: any) => p.authorName)).toEqual(['网友「坂田租客」']);
    expect(staffView.actions).toEqual(expect.arrayContaining(['close', 'summarize', 'manage']));
    expect((await ok(office.get('/api/consultation/rooms'))).items[0].pendingCount).toBe(1);

    // the portal: approved posts only, no member or user id
    const portal = await ok(t.anonymous.get(`/api/portal/rooms/${room.id}`));
    expect(portal.posts.map((p: any) => p.authorName)).not.toContain('网友「坂田租客」');
    expect(portal.posts.map((p: any) => p.authorName)).toContain('网友「布吉街坊」');
    const raw = JSON.stringify(portal);
    expect(raw).not.toContain(await memberIdOf(t, 'member'));
    expect(raw).not.toContain('坂田租客');
    expect((await ok(t.anonymous.get(`/api/portal/rooms?committeeId=${committeeId}`))).items.map((r: any) => r.id)).toEqual([room.id]);
  });

  it('member-takes-part: post, reply, support once, vote and change the vote; the office hides with a reason and the ledger follows', async () => {
    const office = await as('office');
    const member = await as('member');
    const member2 = await as('member2');
    const memberId = await memberIdOf(t, 'member');
    const plans = await ok(office.get('/api/consultation/plans'));
    const current = plans.items.find((p: any) => p.status === 'approved' && p.year === Math.max(...plans.items.map((x: any) => x.year)));
    const plan = await ok(office.get(`/api/consultation/plans/${current.id}`));
    const item = plan.items.find((i: any) => i.form === 'monthly');
    const now = Date.now();
    const before = (await liveEntries(memberId)).length;
    const body = { consultationId: item.id, title: '垃圾分类减量网络议政', intro: '请委员就垃圾分类投放点设置、厨余垃圾收运提出意见。', publicAccess: false };

    const backwards = await office.post('/api/consultation/rooms', { ...body, opensAt: new Date(now).toISOString(), closesAt: new Date(now - 3600_000).toISOString() });
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toContain('结束时间');
    expect((await member.post('/api/consultation/rooms', { ...body, opensAt: new Date(now).toISOString(), closesAt: new Date(now + 86400_000).toISOString() })).status).toBe(403);
    let room = await ok(office.post('/api/consultation/rooms', { ...body, opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 7 * 86400_000).toISOString() }));
    expect(room).toMatchObject({ phase: 'open', memberModeration: 'publishFirst' });

    room = await ok(member.post(`/api/consultation/rooms/${room.id}/posts`, { body: '建议在每个小区按楼栋设置定时定点投放点，并安排督导员。' }));
    const post = room.posts[0];
    expect(post).toMatchObject({ status: 'published', mine: true, actions: [] });
    expect(await liveEntries(memberId)).toHaveLength(before + 1);
    room = await ok(member2.post(`/api/consultation/rooms/${room.id}/posts`, { body: '同意，督导员可以由社区志愿者轮值。', parentId: post.id }));
    expect(room.posts[0].replies.map((r: any) => r.body)).toEqual(['同意，督导员可以由社区志愿者轮值。']);
    const nested = await member.post(`/api/consultation/rooms/${room.id}/posts`, { body: '回复的回复', parentId: room.posts[0].replies[0].id });
    expect(nested.status).toBe(400);

    // support: not one's own, and once per member
    expect((await member.post(`/api/consultation/room-posts/${post.id}/support`)).status).toBe(403);
    room = await ok(member2.post(`/api/consultation/room-posts/${post.id}/support`));
    expect(room.posts[0]).toMatchObject({ supportCount: 1, supportedByMe: true });
    const twice = await member2.post(`/api/consultation/room-posts/${post.id}/support`);
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('已经支持过');

    // polls: single, multiple (at most 2), ranking; one ballot per member, changeable
    expect((await member.post(`/api/consultation/rooms/${room.id}/polls`, { question: '投放点应设在哪里？', kind: 'single', options: ['楼栋旁', '小区出入口'] })).status).toBe(403);
    room = await ok(office.post(`/api/consultation/rooms/${room.id}/polls`, { question: '投放点应设在哪里？', kind: 'single', options: ['楼栋旁', '小区出入口', '地下车库'] }));
    room = await ok(office.post(`/api/consultation/rooms/${room.id}/polls`, { question: '哪些措施最有效？', kind: 'multiple', options: ['定时定点', '督导员', '积分奖励', '曝光台'], maxChoices: 2 }));
    room = await ok(office.post(`/api/consultation/rooms/${room.id}/polls`, { question: '请对以下措施排序', kind: 'ranking', options: ['收运能力', '分类宣传', '执法检查'] }));
    const [single, multiple, ranking] = room.polls;
    expect((await member.post(`/api/consultation/room-polls/${single.id}/ballot`, { choices: [0, 1] })).body.message).toContain('单选题只能选一项');
    expect((await member.post(`/api/consultation/room-polls/${multiple.id}/ballot`, { choices: [0, 1, 2] })).body.message).toContain('最多可选2项');
    expect((await member.post(`/api/consultation/room-polls/${ranking.id}/ballot`, { choices: [0, 1] })).body.message).toContain('请为全部选项排序');
    expect((await member.post(`/api/consultation/room-polls/${single.id}/ballot`, { choices: [7] })).status).toBe(400);
    await ok(member.post(`/api/consultation/room-polls/${single.id}/ballot`, { choices: [0] }));
    room = await ok(member.post(`/api/consultation/room-polls/${single.id}/ballot`, { choices: [2] }));
    expect(room.polls[0]).toMatchObject({ myChoices: [2], result: { voters: 1, total: 1, parts: [{ value: 0 }, { value: 0 }, { value: 1 }] } });
    await ok(member2.post(`/api/consultation/room-polls/${multiple.id}/ballot`, { choices: [1, 3] }));
    await ok(member.post(`/api/consultation/room-polls/${multiple.id}/ballot`, { choices: [1] }));
    await ok(member.post(`/api/consultation/room-polls/${ranking.id}/ballot`, { choices: [2, 0, 1] }));
    room = await ok(member2.post(`/api/consultation/room-polls/${ranking.id}/ballot`, { choices: [0, 1, 2] }));
    expect(room.polls[1].result).toMatchObject({ unit: '人次', voters: 2, total: 3, parts: [{ value: 0 }, { value: 2 }, { value: 0 }, { value: 1 }] });
    expect(room.polls[2].result).toMatchObject({ unit: '分', voters: 2, total: 12, parts: [{ value: 5 }, { value: 3 }, { value: 4 }] });
    for (const poll of room.polls) expect(poll.result.total).toBe(sumOf(poll));

    // the office hides the post: stale version → 409, no reason → 400, then hidden; the ledger entry is voided
    const staffView = await ok(office.get(`/api/consultation/rooms/${room.id}`));
    const target = staffView.posts[0];
    expect(target.actions).toContain('hide');
    expect((await office.post(`/api/consultation/room-posts/${target.id}/actions/hide`, { version: target.version })).status).toBe(400);
    expect((await office.post(`/api/consultation/room-posts/${target.id}/actions/hide`, { version: target.version + 1, reason: '含有个人信息' })).status).toBe(409);
    expect((await member2.post(`/api/consultation/room-posts/${target.id}/actions/hide`, { version: target.version, reason: '不同意' })).status).toBe(403);
    await ok(office.post(`/api/consultation/room-posts/${target.id}/actions/hide`, { version: target.version, reason: '含有个人信息' }));
    expect(await liveEntries(memberId)).toHaveLength(before);
    expect((await ok(member2.get(`/api/consultation/rooms/${room.id}`))).posts).toEqual([]);
    const authorView = await ok(member.get(`/api/consultation/rooms/${room.id}`));
    expect(authorView.posts[0]).toMatchObject({ status: 'hidden', statusLabel: '已隐藏', reason: '含有个人信息' });

    // a department does not read a room
    expect((await (await as('unit')).get(`/api/consultation/rooms/${room.id}`)).status).toBe(404);
  });

  it('the public posts through the portal behind the challenge; members held first when the committee sets 先审后发', async () => {
    const office = await as('office');
    const member = await as('member');
    const admin = await as('admin');
    const [room] = (await ok(office.get('/api/consultation/rooms'))).items.filter((r: any) => r.publicAccess);
    const draft = { nickname: '龙城居民', body: '建议在城中村主要巷道安装消防栓和应急照明。' };
    const wrong = await from('198.51.100.7').post(`/api/portal/rooms/${room.id}/posts`, { ...draft, ...(await solved('198.51.100.7')), challengeAnswer: -99 });
    expect(wrong.status).toBe(400);
    const sent = await ok(from('198.51.100.7').post(`/api/portal/rooms/${room.id}/posts`, { ...draft, ...(await solved('198.51.100.7')) }));
    expect(sent.message).toContain('审核后');
    let portal = await ok(t.anonymous.get(`/api/portal/rooms/${room.id}`));
    expect(portal.posts.map((p: any) => p.body)).not.toContain(draft.body);
    let view = await ok(office.get(`/api/consultation/rooms/${room.id}`));
    const held = view.moderation.find((p: any) => p.body === draft.body);
    expect(held).toMatchObject({ authorName: '网友「龙城居民」', actions: ['approve', 'reject'] });
    await ok(office.post(`/api/consultation/room-posts/${held.id}/actions/approve`, { version: held.version }));
    portal = await ok(t.anonymous.get(`/api/portal/rooms/${room.id}`));
    expect(portal.posts.map((p: any) => p.body)).toContain(draft.body);
    // the per-address ceiling of public forms (5 an hour by default)
    for (let i = 0; i < 5; i++) await ok(from('198.51.100.8').post(`/api/portal/rooms/${room.id}/posts`, { ...draft, ...(await solved('198.51.100.8')) }));
    const flood = await from('198.51.100.8').post(`/api/portal/rooms/${room.id}/posts`, { ...draft, ...(await solved('198.51.100.8')) });
    expect(flood.status).toBe(429);
    // a room not open to the public is not there for it
    const closedToPublic = (await ok(office.get('/api/consultation/rooms'))).items.find((r: any) => !r.publicAccess);
    expect((await t.anonymous.get(`/api/portal/rooms/${closedToPublic.id}`)).status).toBe(404);

    const year = Number(new Date().toISOString().slice(0, 4));
    const current = await ok(admin.get(`/api/settings/consultation?year=${year}`));
    await ok(admin.request({ method: 'PUT', url: `/api/settings/consultation?year=${year}`, payload: { version: current.version, values: { ...current.values, roomMemberModeration: 'reviewFirst' } } }));
    view = await ok(member.post(`/api/consultation/rooms/${room.id}/posts`, { body: '建议每季度组织一次城中村消防演练。' }));
    const mine = view.posts.find((p: any) => p.body === '建议每季度组织一次城中村消防演练。');
    expect(mine).toMatchObject({ status: 'pending', statusLabel: '待审核' });
    expect((await ok((await as('member2')).get(`/api/consultation/rooms/${room.id}`))).posts.map((p: any) => p.id)).not.toContain(mine.id);
    await ok(admin.request({ method: 'PUT', url: `/api/settings/consultation?year=${year}`, payload: { version: current.version + 1, values: current.values } }));
  });

  it('a closed room is read-only; the summary joins the consultation’s outcome', async () => {
    const office = await as('office');
    const member = await as('member');
    let [room] = (await ok(office.get('/api/consultation/rooms'))).items.filter((r: any) => r.publicAccess);
    const detail = await ok(member.get(`/api/consultation/rooms/${room.id}`));
    // time runs out: the room reads as over and refuses writes, though the office has not closed it
    await t.database.db.update(consultationRooms).set({ closesAt: new Date(Date.now() - 60_000) }).where(eq(consultationRooms.id, room.id));
    const late = await member.post(`/api/consultation/rooms/${room.id}/posts`, { body: '时间到了还能发言吗？' });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('议政室已结束');
    expect((await member.post(`/api/consultation/room-polls/${detail.polls[0].id}/ballot`, { choices: [1] })).status).toBe(409);
    expect((await from('198.51.100.9').post(`/api/portal/rooms/${room.id}/posts`, { nickname: '迟到者', body: '还可以发言吗？我想补充一点。', ...(await solved('198.51.100.9')) })).status).toBe(409);
    room = await ok(office.get(`/api/consultation/rooms/${room.id}`));
    expect(room.phase).toBe('closed');
    expect(room.actions).not.toContain('post');

    const short = await office.post(`/api/consultation/rooms/${room.id}/actions/summarize`, { version: room.version, summary: '太短' });
    expect(short.status).toBe(400);
    const summary = '委员和群众共发言十余条，集中在电动自行车集中充电、出租屋消防责任、微型消防站建设三个方面，建议区应急管理局、消防救援大队统筹推进。';
    room = await ok(office.post(`/api/consultation/rooms/${room.id}/actions/summarize`, { version: room.version, summary }));
    expect(room).toMatchObject({ status: 'summarized', phase: 'summarized', summary, actions: ['manage'] });
    expect((await office.post(`/api/consultation/rooms/${room.id}/actions/reopen`, { version: room.version, closesAt: new Date(Date.now() + 86400_000).toISOString() })).status).toBe(409);
    const c = await ok(member.get(`/api/consultation/consultations/${room.consultationId}`));
    expect(c.rooms).toEqual([expect.objectContaining({ title: room.title, summary, phaseLabel: '已形成综述' })]);
    expect((await ok(t.anonymous.get(`/api/portal/rooms/${room.id}`))).summary).toBe(summary);
  });
});
