import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok, reviewed, sampleDraft, unitIdByName } from '../support/proposals.js';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import path from 'node:path';
import { parseCsv } from '../../src/server/platform/csv.js';
import { splitSections } from '../../src/server/modules/proposals/import/content.js';
import { ProposalFinder, proposalFinderFor } from '../../src/server/modules/proposals/similar/finder.js';
import { setBackgroundSliceMs } from '../../src/server/platform/text/background.js';

/** Real proposals of the Jiangsu 2019 list by number, as drafts of this session. */
const realRows = parseCsv(readFileSync(path.resolve('src/server/demo/data/jszx2019_jiangsu_cppcc_proposals.csv'), 'utf8'));
const real = (n: string) => {
  const r = realRows.find((x) => x.proposal_number === n)!;
  return { ...sampleDraft, title: r.reason, category: r.type, ...splitSections(r.content) };
};

const garbage1 = { ...sampleDraft, title: '关于加强生活垃圾分类工作的建议', category: '城乡建设', background: '我区生活垃圾分类投放准确率不高，居民参与积极性不足，分类收运设施不完善。', analysis: '垃圾分类宣传不到位，混装混运现象存在，厨余垃圾处理能力不足。', suggestions: '完善垃圾分类投放点和收运体系，开展垃圾分类进社区宣传，建设厨余垃圾处理设施。' };
const garbage2 = { ...sampleDraft, title: '关于推进生活垃圾分类减量化的建议', category: '城乡建设', background: '生活垃圾产生量逐年增加，垃圾分类减量化任务繁重。', analysis: '垃圾分类收运衔接不畅，再生资源回收体系不健全。', suggestions: '推行垃圾分类积分激励，建立再生资源回收网点，强化垃圾分类执法检查。' };
const elderly = { ...sampleDraft, title: '关于发展社区居家养老服务的建议', category: '社会事业', background: '我区老龄化程度加深，居家养老服务供给不足。', analysis: '社区养老服务设施少，护理人员缺乏。', suggestions: '建设社区养老服务中心，培育专业护理队伍，推行家庭养老床位。' };

describe.each(dbKinds)('similar proposals on %s', (kind) => {
  let t: TestApp;
  let member: Client, member3: Client, staff: Client;
  const ids: Record<string, { id: string; version: number }> = {};
  beforeAll(async () => {
    t = await startTestApp(kind);
    [member, member3, staff] = await Promise.all([t.as('member'), t.as('member3'), t.as('staff')]);
    for (const [name, d, who] of [['g1', garbage1, member], ['g2', garbage2, member3], ['old', elderly, member]] as const) {
      const p = await ok(who.post('/api/proposals', d));
      ids[name] = await ok(who.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
    }
  });
  afterAll(() => t.close());
  const similar = (c: Client, text: string) => ok(c.get(`/api/proposals/similar?text=${encodeURIComponent(text)}&limit=5`));
  /** The committee a proposal belongs to (a finder's indexes are per committee). */
  const committeeOf = async (proposalId: string) => {
    const { rows } = (await t.database.db.execute(sql`select committee_id as "committeeId" from proposals where id = ${proposalId}`)) as unknown as { rows: { committeeId: string }[] };
    return rows[0].committeeId;
  };

  it('ranks proposals on the same issue first, with scores between 0 and 1', async () => {
    const hits = await similar(staff, '建议完善生活垃圾分类投放和收运设施');
    // the demo's imported 2019 proposals on waste sorting rank among them too: compare the current ones
    const current = hits.filter((h: any) => h.year !== 2019);
    expect(current.slice(0, 2).map((h: any) => h.id).sort()).toEqual([ids.g1.id, ids.g2.id].sort());
    expect(hits[0]).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String), score: expect.any(Number) }));
    expect(hits[0].score).toBeGreaterThan(0);
    expect(hits[0].score).toBeLessThanOrEqual(1);
    expect(hits.map((h: any) => h.id)).not.toContain(undefined);
  });

  it('shows members only filed proposals; staff also those in review; units are refused', async () => {
    const text = '生活垃圾分类';
    expect((await similar(member3, text)).map((h: any) => h.id)).not.toContain(ids.g1.id);
    const filed = await ok(staff.post(`/api/proposals/${ids.g1.id}/actions/file`, { version: (await reviewed(staff, ids.g1)).version }));
    ids.g1 = filed;
    expect((await similar(member3, text)).map((h: any) => h.id)).toContain(ids.g1.id);
    expect((await (await t.as('unit')).get(`/api/proposals/similar?text=${encodeURIComponent(text)}`)).status).toBe(403);
  });

  it('groups proposals in review on the same issue for merging', async () => {
    const extra = await ok(member.post('/api/proposals', { ...garbage2, title: '关于完善垃圾分类收运体系的建议' }));
    ids.g3 = await ok(member.post(`/api/proposals/${extra.id}/actions/submit`, { version: extra.version }));
    const { groups } = await ok(staff.get('/api/proposals/similar-groups'));
    const group = groups.find((g: any) => g.proposals.some((p: any) => p.id === ids.g2.id));
    expect(group.proposals.map((p: any) => p.id).sort()).toEqual([ids.g2.id, ids.g3.id].sort());
    expect(group.score).toBeGreaterThanOrEqual(0.3);
    expect(groups.some((g: any) => g.proposals.some((p: any) => p.id === ids.old.id))).toBe(false);
  });

  it('groups two real proposals on the same 科技 issue sitting in the queue, and not an unrelated one', async () => {
    // 0408 and 0757: both on universities' 科技成果转化 (labelled one group in bench/similarity/groups); 0088: school sports grounds
    const queued: string[] = [];
    for (const [n, who] of [['0408', member], ['0757', member3], ['0088', member]] as const) {
      const p = await ok(who.post('/api/proposals', real(n)));
      queued.push((await ok(who.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }))).id);
    }
    const { groups } = await ok(staff.get('/api/proposals/similar-groups'));
    const group = groups.find((g: any) => g.proposals.some((p: any) => p.id === queued[0]));
    expect(group.proposals.map((p: any) => p.id)).toEqual(expect.arrayContaining([queued[0], queued[1]]));
    // the demo's own queue has a proposal on 科技成果转化 too (told from 0009): it belongs in the group, nothing else does
    for (const p of group.proposals) expect(p.title).toContain('成果转化');
    expect(group.score).toBeGreaterThanOrEqual(0.5);
    expect(group.score).toBeLessThanOrEqual(1);
    expect(groups.some((g: any) => g.proposals.some((p: any) => p.id === queued[2]))).toBe(false);
  });

  it('labels earlier years proposals with their committee and year, and scores them on the calibrated scale', async () => {
    const draft = real('0286');
    const hits = await ok(staff.get(`/api/proposals/similar?title=${encodeURIComponent(draft.title)}&text=${encodeURIComponent(draft.background + draft.suggestions)}&limit=8`));
    // the imported Jiangsu 2019 proposal of the same text is found, labelled as another committee's history
    const same = hits.find((h: any) => h.title === draft.title);
    expect(same).toMatchObject({ historical: true, committee: '江苏省政协', year: 2019, rank: expect.any(Number) });
    expect(same.score).toBeGreaterThan(0.9);
    // this session's proposals are not history and carry this committee's own name
    const current = hits.filter((h: any) => !h.historical);
    expect(current.length).toBeGreaterThan(0);
    for (const h of current) expect(h.committee).not.toBe('江苏省政协');
    expect(hits.map((h: any) => h.rank)).toEqual(hits.map((_: any, i: number) => i + 1));
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
  });

  it('follows merges, withdrawals and edits', async () => {
    await ok(staff.post('/api/proposals/merge', { primaryId: ids.g2.id, otherIds: [ids.g3.id], versions: { [ids.g2.id]: ids.g2.version, [ids.g3.id]: ids.g3.version }, reason: '反映同一问题' }));
    const afterMerge = (await similar(staff, '垃圾分类收运体系')).map((h: any) => h.id);
    expect(afterMerge).not.toContain(ids.g3.id);
    expect(afterMerge).toContain(ids.g2.id);

    await ok(member.post(`/api/proposals/${ids.old.id}/actions/withdraw`, { version: ids.old.version }));
    expect((await similar(staff, '社区居家养老服务')).map((h: any) => h.id)).not.toContain(ids.old.id);

    let p = await ok(member.post('/api/proposals', { ...elderly, title: '关于完善公共自行车系统的建议', background: '公共自行车站点少。', analysis: '运营不足。', suggestions: '增加站点。' }));
    p = await ok(member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
    p = await ok(staff.post(`/api/proposals/${p.id}/actions/return`, { version: p.version, reason: '请补充调研情况' }));
    p = await ok(member.patch(`/api/proposals/${p.id}`, { version: p.version, title: '关于建设城市绿道慢行系统的建议', background: '城市绿道和慢行系统建设滞后。', suggestions: '规划建设城市绿道慢行系统。' }));
    p = await ok(member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
    expect((await similar(staff, '城市绿道慢行系统')).map((h: any) => h.id)).toContain(p.id);
    expect((await similar(staff, '公共自行车站点')).map((h: any) => h.id)).not.toContain(p.id);
  });

  it('a row stamped ahead of the database clock (another process’s fast clock, an import) hides no later write', async () => {
    let early = await ok(member.post('/api/proposals', { ...elderly, title: '关于建设城市口袋公园的建议', background: '城市口袋公园数量不足。', analysis: '用地紧张。', suggestions: '利用边角地建设口袋公园。' }));
    early = await ok(member.post(`/api/proposals/${early.id}/actions/submit`, { version: early.version }));
    await t.database.db.execute(sql`update proposals set updated_at = now() + interval '1 day' where id = ${early.id}`);
    expect((await similar(staff, '城市口袋公园')).map((h: any) => h.id)).toContain(early.id);
    // written after it, stamped by the database's present: found at once, and again after the recheck interval
    let later = await ok(member3.post('/api/proposals', { ...elderly, title: '关于规范共享电单车停放的建议', background: '共享电单车乱停乱放。', analysis: '停放点不足。', suggestions: '划定共享电单车停放区。' }));
    later = await ok(member3.post(`/api/proposals/${later.id}/actions/submit`, { version: later.version }));
    expect((await similar(staff, '共享电单车停放')).map((h: any) => h.id)).toContain(later.id);
    expect((await similar(staff, '城市口袋公园')).map((h: any) => h.id)).toContain(early.id);
  });

  it('one proposal index per committee in the process: the similar query, 民主监督 and 协商 share the finder', async () => {
    const committeeId = await committeeOf(ids.g1.id);
    const shared = proposalFinderFor(t.database.db);
    // each feature, first to search after the shared finder forgot everything, builds its index there
    const office = await t.as('office');
    for (const [who, path] of [[staff, '/api/proposals/similar?text=生活垃圾分类'], [staff, '/api/consultation/similar?text=生活垃圾分类'], [office, '/api/supervision/topics/frequent']] as const) {
      shared.reset();
      await ok(who.get(path));
      expect(shared.indexOf(committeeId)?.size, path).toBeGreaterThan(100);
    }
    expect(proposalFinderFor(t.database.db)).toBe(shared);
  });

  it('builds a committee’s first index in slices, other work served in between, to the same index', async () => {
    const committeeId = await committeeOf(ids.g1.id);
    const query = { title: '关于加强生活垃圾分类工作的建议', body: '完善垃圾分类投放点和收运体系' };
    const whole = await new ProposalFinder().sync(t.database.db, committeeId);
    const previous = setBackgroundSliceMs(0);
    try {
      // a slice of 0 ms: the build hands the event loop back after each row
      let turns = 0;
      let building = true;
      const tick = () => void (building && (turns++, setImmediate(tick)));
      setImmediate(tick);
      const sliced = await new ProposalFinder().sync(t.database.db, committeeId);
      building = false;
      expect(sliced.size).toBe(whole.size);
      expect(sliced.size).toBeGreaterThan(100);
      expect(turns).toBeGreaterThan(sliced.size / 2);
      await Promise.all([whole.settled(), sliced.settled()]);
      expect(sliced.search(query, 10)).toEqual(whole.search(query, 10));
    } finally {
      setBackgroundSliceMs(previous);
    }
  });

  it('suggests the units that handled similar proposals, with the reason', async () => {
    const city = await unitIdByName(staff, '区城市管理和综合执法局');
    const assigned = await ok(staff.post(`/api/proposals/${ids.g1.id}/assign`, { version: ids.g1.version, assignments: [{ unitId: city, role: 'sole' }] }));
    expect(assigned.status).toBe('handling');
    const fresh = await ok(member3.post('/api/proposals', { ...garbage1, title: '关于提高垃圾分类投放准确率的建议' }));
    const submitted = await ok(member3.post(`/api/proposals/${fresh.id}/actions/submit`, { version: fresh.version }));
    const { suggestions } = await ok(staff.get(`/api/proposals/${submitted.id}/unit-suggestions`));
    expect(suggestions[0].unitName).toBe('区城市管理和综合执法局');
    expect(suggestions[0].reason).toContain('关于加强生活垃圾分类工作的建议');
  });
});
