import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { PNG } from '../support/upload.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { users } from '../../src/server/platform/auth/schema.js';
import { publicChallenges } from '../../src/server/platform/public-forms/schema.js';
import { livelihoodRequests } from '../../src/server/modules/requests/schema.js';
import { movableClock } from '../foundation/support.js';

/** A multipart form as the portal's page sends it: text fields and photos (field `photos`). */
function form(fields: Record<string, string | number>, photos: { name: string; data: Buffer }[] = []) {
  const boundary = `----slreq${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const p of photos) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${p.name}"\r\nContent-Type: image/png\r\n\r\n`), p.data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(dbKinds)('livelihood requests (民生诉求) on %s', (kind) => {
  let t: TestApp;
  let committeeId: string;
  let citizen: Client;
  const clients = new Map<string, Promise<Client>>();
  const as = (u: string) => {
    if (!clients.has(u)) clients.set(u, t.as(u));
    return clients.get(u)!;
  };
  /** An anonymous visitor at an address of their own (the rate limit counts per address). */
  const from = (address: string) => ({
    get: (url: string) => citizen.request({ method: 'GET', url, remoteAddress: address }),
    post: (url: string, body: unknown) => citizen.request({ method: 'POST', url, payload: body as any, remoteAddress: address }),
    multipart: (url: string, f: ReturnType<typeof form>) => citizen.request({ method: 'POST', url, payload: f.payload, headers: f.headers, remoteAddress: address }),
  });
  /** The server's question, answered the way a person would (from the stored answer). */
  const solved = async (address: string) => {
    const c = await ok(from(address).get(`/api/portal/challenge?committeeId=${committeeId}`));
    expect(c.question).toMatch(/^\d+ [加减] \d+ 等于多少？$/);
    const [row] = await t.database.db.select().from(publicChallenges).where(eq(publicChallenges.id, c.id));
    return { challengeId: c.id as string, challengeAnswer: row.answer };
  };
  const letter = { senderName: '周女士', senderPhone: '13912345678', category: '城乡建设', place: '坂田街道 万科城三期', body: '小区东门外人行道路灯已坏了两个多月，晚上出行很不安全，希望尽快修复。' };

  const memberIdOf = async (username: string) => (await t.database.db.select().from(users).where(eq(users.username, username)))[0].memberId!;

  beforeAll(async () => {
    t = await startTestApp(kind);
    citizen = t.anonymous;
    const committees = await ok(citizen.get('/api/portal/committees'));
    committeeId = committees.items.find((c: any) => c.shortName === '龙岗区政协').id;
  });
  afterAll(() => t.close());

  it('the demo has requests in every state; staff see them all with the sender, a member only theirs and without contacts', async () => {
    const staff = await as('roster');
    const all = await ok(staff.get('/api/requests?scope=all'));
    expect(new Set(all.items.map((r: any) => r.status))).toEqual(new Set(['received', 'routed', 'handling', 'done', 'declined']));
    const done = all.items.find((r: any) => r.status === 'done');
    const detail = await ok(staff.get(`/api/requests/${done.id}`));
    expect(detail.sender.phone).toMatch(/^1\d{10}$/);
    expect(detail.published).toBe(true);
    const member = await as('member');
    const mine = await ok(member.get('/api/requests'));
    expect(mine.items.length).toBeGreaterThan(0);
    for (const r of mine.items) expect((await ok(member.get(`/api/requests/${r.id}`))).sender).toBeNull();
    const notMine = all.items.filter((r: any) => !mine.items.some((m: any) => m.id === r.id));
    expect(notMine.length).toBeGreaterThan(0);
    for (const r of notMine) expect((await member.get(`/api/requests/${r.id}`)).status).toBe(404);
    // the home page's figures are the counts of the lists they open
    const cards = (await ok(staff.get('/api/dashboard'))).cards;
    const queue = cards.find((c: any) => c.key === 'requestQueue');
    expect(queue.parts.find((p: any) => p.key === 'open').value).toBe((await ok(staff.get('/api/requests?scope=open'))).items.length);
    expect(queue.parts.find((p: any) => p.key === 'handling').value).toBe((await ok(staff.get('/api/requests?scope=handling'))).items.length);
    const memberCard = (await ok(member.get('/api/dashboard'))).cards.find((c: any) => c.key === 'requestMine');
    expect(memberCard.value).toBe(mine.items.filter((r: any) => ['routed', 'handling'].includes(r.status)).length);
    // other staff offices, units and leaders do not see the public's letters
    for (const u of ['staff', 'unit', 'info']) expect((await (await as(u)).get(`/api/requests/${done.id}`)).status).toBe(404);
    // the portal shows what staff published, without anybody's name or phone
    const published = await ok(citizen.get(`/api/portal/requests/published?committeeId=${committeeId}`));
    expect(published.items).toHaveLength(1);
    expect(JSON.stringify(published)).not.toContain(detail.sender.phone);
    expect(JSON.stringify(published)).not.toContain(detail.sender.name);
  });

  it('a citizen files a request with a photo and follows it by receipt code: no name, no phone, no photo, no ids', async () => {
    const me = from('203.0.113.10');
    const receipt = await ok(me.multipart('/api/portal/requests', form({ committeeId, ...letter, ...(await solved('203.0.113.10')) }, [{ name: '路灯.png', data: PNG }])));
    expect(receipt.code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    const followed = await ok(me.get(`/api/portal/requests/follow?code=${receipt.code.toLowerCase().replace('-', ' ')}`));
    expect(followed).toMatchObject({ status: 'received', statusLabel: '已受理', place: letter.place, canRate: false });
    const text = JSON.stringify(followed);
    for (const secret of [letter.senderName, letter.senderPhone, '路灯.png']) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    // a made-up code and a malformed one answer like any not-found
    expect((await me.get('/api/portal/requests/follow?code=ABCDE-FGHJK')).status).toBe(404);
    const bad = await me.get('/api/portal/requests/follow?code=12');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('回执码');
    // staff see the photo and download it
    const staff = await as('roster');
    const list = await ok(staff.get('/api/requests?scope=open'));
    const mine = list.items.find((r: any) => r.code === receipt.code);
    const detail = await ok(staff.get(`/api/requests/${mine.id}`));
    expect(detail.sender).toEqual({ name: letter.senderName, phone: letter.senderPhone });
    expect(detail.photos).toHaveLength(1);
    const photo = await staff.get(`/api/requests/${mine.id}/photos/${detail.photos[0].id}`);
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
  });

  it('the arithmetic question: a wrong answer, a reused or made-up question are refused naming the field; photos have limits', async () => {
    const me = from('203.0.113.20');
    const challenge = await solved('203.0.113.20');
    const wrong = await me.post('/api/portal/requests', { committeeId, ...letter, challengeId: challenge.challengeId, challengeAnswer: challenge.challengeAnswer + 1 });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('验证题答案');
    // the question was used up by the wrong answer: no second try
    const again = await me.post('/api/portal/requests', { committeeId, ...letter, ...challenge });
    expect(again.status).toBe(400);
    expect(again.body.message).toContain('验证题已失效');
    const missing = await me.post('/api/portal/requests', { committeeId, ...letter });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('验证题');
    const noPhone = await me.post('/api/portal/requests', { committeeId, ...letter, senderPhone: '', ...(await solved('203.0.113.20')) });
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.message).toContain('联系电话');
    // photos: four are too many, a 3 MB one too large, a text file not a photo — each named 照片, the question kept
    const kept = await solved('203.0.113.20');
    const four = await me.multipart('/api/portal/requests', form({ committeeId, ...letter, ...kept }, [1, 2, 3, 4].map((i) => ({ name: `${i}.png`, data: PNG }))));
    expect(four.status).toBe(400);
    expect(four.body.message).toContain('照片');
    const big = await me.multipart('/api/portal/requests', form({ committeeId, ...letter, ...kept }, [{ name: 'big.png', data: Buffer.concat([PNG, Buffer.alloc(3 * 1024 * 1024)]) }]));
    expect(big.status).toBe(400);
    expect(big.body.message).toMatch(/照片.*不能超过2MB/);
    const script = await me.multipart('/api/portal/requests', form({ committeeId, ...letter, ...kept }, [{ name: 'x.html', data: Buffer.from('<script>') }]));
    expect(script.status).toBe(400);
    expect(script.body.message).toContain('JPG');
    expect((await me.post('/api/portal/requests', { committeeId, ...letter, ...kept })).status).toBe(200);
  });

  it('the per-address limit is a setting: past it, the address waits (429) while another address is served', async () => {
    const admin = await as('admin');
    const current = await ok(admin.get('/api/settings/publicForms'));
    await ok(admin.request({ method: 'PUT', url: '/api/settings/publicForms', payload: { version: current.version ?? 0, values: { perAddressPerHour: 2, challengeMinutes: 10 } } }));
    const flood = from('198.51.100.7');
    for (let i = 0; i < 2; i++) expect((await flood.post('/api/portal/requests', { committeeId, ...letter, ...(await solved('198.51.100.7')) })).status).toBe(200);
    const third = await flood.post('/api/portal/requests', { committeeId, ...letter, ...(await solved('198.51.100.7')) });
    expect(third.status).toBe(429);
    expect(third.body.message).toContain('每小时最多提交2件');
    // the topic form counts on the same limit
    const topic = await flood.post('/api/portal/topics', { committeeId, title: '关于增设社区长者食堂的建议', reason: '老年人吃饭难，希望政协组织协商，增加社区长者食堂。', contactName: '吴先生', contactPhone: '13800138000', ...(await solved('198.51.100.7')) });
    expect(topic.status).toBe(429);
    expect((await from('198.51.100.8').post('/api/portal/requests', { committeeId, ...letter, ...(await solved('198.51.100.8')) })).status).toBe(200);
  });

  it('staff route a request to a member, who records it, converts it into a proposal draft (linked both ways), finishes it for the ledger; the sender rates it', async () => {
    const address = '203.0.113.30';
    const receipt = await ok(from(address).post('/api/portal/requests', { committeeId, ...letter, place: '南湾街道 沙湾社区', ...(await solved(address)) }));
    const staff = await as('roster');
    const member = await as('member');
    const member2 = await as('member2');
    const row = (await ok(staff.get('/api/requests?scope=open'))).items.find((r: any) => r.code === receipt.code);
    expect(row.actions).toEqual(expect.arrayContaining(['route', 'decline']));
    // before routing the member may not see it
    expect((await member.get(`/api/requests/${row.id}`)).status).toBe(404);
    // a member may not route, nor may staff of another office
    expect((await member.post(`/api/requests/${row.id}/actions/route`, { version: row.version })).status).toBe(404);
    const memberId = await memberIdOf('member');
    const options = await ok(staff.get('/api/requests/options'));
    expect(options.members.some((m: any) => m.id === memberId)).toBe(true);
    const noTarget = await staff.post(`/api/requests/${row.id}/actions/route`, { version: row.version });
    expect(noTarget.status).toBe(400);
    expect(noTarget.body.message).toContain('承办委员');
    let r = await ok(staff.post(`/api/requests/${row.id}/actions/route`, { version: row.version, memberId, note: '请委员了解情况' }));
    expect(r.status).toBe('routed');
    // stale version: 409
    expect((await staff.post(`/api/requests/${row.id}/actions/route`, { version: row.version, memberId })).status).toBe(409);
    r = await ok(member.get(`/api/requests/${row.id}`));
    expect(r.sender).toBeNull();
    expect(r.actions).toContain('start');
    expect((await member2.get(`/api/requests/${row.id}`)).status).toBe(404);
    r = await ok(member.post(`/api/requests/${row.id}/actions/start`, { version: r.version }));
    r = await ok(member.post(`/api/requests/${row.id}/actions/record`, { version: r.version, body: '已到现场查看，两盏路灯损坏，已报街道城管办。' }));
    expect(r.actions).toEqual(expect.arrayContaining(['record', 'finish', 'convert']));
    const converted = await ok(member.post(`/api/requests/${row.id}/convert`, { version: r.version, into: 'proposal', title: '关于加强社区路灯维护管理的建议' }));
    expect(converted.proposal).toMatchObject({ title: '关于加强社区路灯维护管理的建议' });
    expect(converted.actions).not.toContain('convert');
    const proposal = await ok(member.get(`/api/proposals/${converted.proposal.id}`));
    expect(proposal).toMatchObject({ status: 'draft', fromRequest: { id: row.id, code: receipt.code } });
    expect(proposal.background).toContain('南湾街道 沙湾社区');
    // converting twice is refused
    expect((await member.post(`/api/requests/${row.id}/convert`, { version: converted.version, into: 'opinion', title: '关于路灯的社情民意' })).status).toBe(403);
    // the sender follows it: handling, with the member's record
    let followed = await ok(citizen.get(`/api/portal/requests/follow?code=${receipt.code}`));
    expect(followed).toMatchObject({ status: 'handling', canRate: false });
    expect(followed.notes[0].body).toContain('两盏路灯');
    expect((await citizen.post('/api/portal/requests/rate', { code: receipt.code, rating: 'satisfied' })).status).toBe(409);
    r = await ok(member.post(`/api/requests/${row.id}/actions/finish`, { version: converted.version, outcome: '街道城管办已更换路灯，恢复照明。' }));
    expect(r.status).toBe('done');
    const entries = await t.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.sourceType, 'livelihoodRequest'), eq(ledgerEntries.sourceId, row.id)));
    expect(entries).toMatchObject([{ kind: 'request.handled', memberId }]);
    followed = await ok(citizen.get(`/api/portal/requests/follow?code=${receipt.code}`));
    expect(followed).toMatchObject({ status: 'done', outcome: '街道城管办已更换路灯，恢复照明。', canRate: true });
    const unhappy = await citizen.post('/api/portal/requests/rate', { code: receipt.code, rating: 'unsatisfied' });
    expect(unhappy.status).toBe(400);
    expect(unhappy.body.message).toContain('评价意见');
    followed = await ok(citizen.post('/api/portal/requests/rate', { code: receipt.code, rating: 'satisfied', comment: '修得很快' }));
    expect(followed).toMatchObject({ rating: 'satisfied', ratingLabel: '满意', canRate: false });
    expect((await citizen.post('/api/portal/requests/rate', { code: receipt.code, rating: 'basic' })).status).toBe(409);
    // not published until staff publish it
    let published = await ok(citizen.get(`/api/portal/requests/published?committeeId=${committeeId}`));
    expect(published.items.some((p: any) => p.place === '南湾街道 沙湾社区')).toBe(false);
    r = await ok(staff.get(`/api/requests/${row.id}`));
    // published at the app's clock (a test moves it), not the machine's
    const publishedAt = movableClock(t, new Date(Date.now() + 60_000)).now();
    await ok(staff.post(`/api/requests/${row.id}/actions/publish`, { version: r.version }));
    t.app.services.now = () => new Date();
    const [publishedRow] = await t.database.db.select().from(livelihoodRequests).where(eq(livelihoodRequests.id, row.id));
    expect(publishedRow.publishedAt?.toISOString()).toBe(publishedAt.toISOString());
    published = await ok(citizen.get(`/api/portal/requests/published?committeeId=${committeeId}`));
    expect(published.items.some((p: any) => p.place === '南湾街道 沙湾社区')).toBe(true);
    // a draft is its author's: 委员科 may not open it, so the request shows staff no link (not even its id)
    const seenByStaff = await ok(staff.get(`/api/requests/${row.id}`));
    expect(seenByStaff.proposal).toBeNull();
    expect(JSON.stringify(seenByStaff)).not.toContain(converted.proposal.id);
  });

  it('a request converted into an opinion report links both ways too', async () => {
    const address = '203.0.113.40';
    const receipt = await ok(from(address).post('/api/portal/requests', { committeeId, ...letter, category: '交通运输', place: '吉华街道 水径村公交站', body: '水径村公交站没有候车亭，老人小孩下雨天只能淋雨等车，希望增设候车亭。', ...(await solved(address)) }));
    const staff = await as('roster');
    const member2 = await as('member2');
    const row = (await ok(staff.get('/api/requests?scope=open'))).items.find((r: any) => r.code === receipt.code);
    const memberId = await memberIdOf('member2');
    await ok(staff.post(`/api/requests/${row.id}/actions/route`, { version: row.version, memberId }));
    let r = await ok(member2.get(`/api/requests/${row.id}`));
    r = await ok(member2.post(`/api/requests/${row.id}/actions/start`, { version: r.version }));
    const converted = await ok(member2.post(`/api/requests/${row.id}/convert`, { version: r.version, into: 'opinion', title: '关于增设水径村公交候车亭的建议' }));
    expect(converted.opinion.title).toBe('关于增设水径村公交候车亭的建议');
    const opinion = await ok(member2.get(`/api/opinions/${converted.opinion.id}`));
    expect(opinion.fromRequest).toEqual({ id: row.id, code: receipt.code });
    expect(opinion.body).toContain('水径村公交站');
  });

  it('hostile forms and floods: malformed multipart, oversized fields, guessing receipt codes — a Chinese 4xx, never a 5xx, nothing stored', async () => {
    const me = from('192.0.2.66');
    const before = (await ok((await as('roster')).get('/api/requests?scope=all'))).items.length;
    const hostile = [
      { payload: '--x\r\nContent-Disposition: form-data; name="body"\r\n\r\n未结束的表单', headers: { 'content-type': 'multipart/form-data; boundary=x' } },
      form({ committeeId, ...letter, body: '长'.repeat(20_000), ...(await solved('192.0.2.66')) }),
      form({ committeeId, ...letter, ...(await solved('192.0.2.66')) }, Array.from({ length: 8 }, (_, i) => ({ name: `${i}.png`, data: PNG }))),
      { payload: 'not json at all', headers: { 'content-type': 'application/json' } },
      { payload: JSON.stringify({ committeeId, ...letter, category: '<script>alert(1)</script>', ...(await solved('192.0.2.66')) }), headers: { 'content-type': 'application/json' } },
      { payload: JSON.stringify({ committeeId: '00000000-0000-4000-8000-000000000000', ...letter, challengeId: '00000000-0000-4000-8000-000000000000', challengeAnswer: 1 }), headers: { 'content-type': 'application/json' } },
    ];
    for (const h of hostile) {
      const res = await citizen.request({ method: 'POST', url: '/api/portal/requests', payload: h.payload, headers: h.headers, remoteAddress: '192.0.2.66' });
      expect(res.status, res.raw.slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(res.status, res.raw.slice(0, 200)).toBeLessThan(500);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await ok((await as('roster')).get('/api/requests?scope=all'))).items.length).toBe(before);
    // guessing codes: each a plain not-found, then the address is slowed down (429), never an error
    const answers = [];
    for (let i = 0; i < 35; i++) answers.push((await me.get(`/api/portal/requests/follow?code=ZZZZZ${String(i).padStart(5, '2').replace(/[01]/g, '3')}`)).status);
    expect(new Set(answers)).toEqual(new Set([404, 429]));
    expect(answers.at(-1)).toBe(429);
  });

  it('群众出题 from the portal waits in the office’s moderation queue, seen by nobody else', async () => {
    const address = '203.0.113.50';
    const title = '关于规范电动自行车停放充电的协商';
    const answer = await ok(from(address).post('/api/portal/topics', { committeeId, title, reason: '小区电动车楼道充电隐患大，充电桩不足，希望政协组织有关部门和居民协商解决。', contactName: '郑女士', contactPhone: '13622334455', ...(await solved(address)) }));
    expect(answer.message).toContain('审核');
    const office = await as('office');
    const queue = await ok(office.get('/api/consultation/topics?scope=moderation'));
    const topic = queue.items.find((x: any) => x.title === title);
    expect(topic).toMatchObject({ sourceLabel: '群众出题', status: 'pending' });
    expect(topic.contact).toContain('13622334455');
    for (const u of ['member', 'leader']) {
      const seen = await ok((await as(u)).get('/api/consultation/topics?scope=all'));
      expect(seen.items.some((x: any) => x.title === title)).toBe(false);
    }
    const wrong = await from(address).post('/api/portal/topics', { committeeId, title, reason: '理由', contactName: '郑女士', contactPhone: '136', ...(await solved(address)) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toMatch(/选题理由|联系电话/);
  });
});
