import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, count, eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { openPglite } from '../../src/server/db/client.js';
import { parseCsv } from '../../src/server/platform/csv.js';
import { AppError } from '../../src/server/platform/errors.js';
import { users } from '../../src/server/platform/auth/schema.js';
import { toActor } from '../../src/server/platform/auth/sessions.js';
import type { Actor } from '../../src/server/platform/auth/actor.js';
import type { CommandContext } from '../../src/server/platform/commands/context.js';
import { chinaToday } from '../../src/server/platform/calendar/workdays.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { verifyAuditChain } from '../../src/server/platform/audit/audit.js';
import { proposals } from '../../src/server/modules/proposals/schema.js';
import { importProposals } from '../../src/server/modules/proposals/import/import-proposals.js';

const csvPath = path.resolve('src/server/demo/data/jszx2019_jiangsu_cppcc_proposals.csv');
const realCsv = readFileSync(csvPath, 'utf8');
const records = parseCsv(realCsv);
const header = Object.keys(records[0]);
const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
/** A CSV in the real list's shape from records (row 2 is the first record). */
const toCsv = (rows: Record<string, string>[]) => [header.join(','), ...rows.map((r) => header.map((h) => quote(r[h] ?? '')).join(','))].join('\n');

describe.each(dbKinds)('importing past proposals on %s', (kind) => {
  let t: TestApp;
  const clients = new Map<string, Promise<Client>>();
  const as = (u: string) => (clients.has(u) ? clients.get(u)! : (clients.set(u, t.as(u)), clients.get(u)!));
  const actor = async (username: string) => toActor((await t.database.db.select().from(users).where(eq(users.username, username)))[0]);
  const ctxOf = (a: Actor, now = new Date()): CommandContext => ({ database: t.database, actor: a, today: chinaToday(now), now });
  const historicalCount = async (committeeId: string, year = 2019) =>
    (await t.database.db.select({ n: count() }).from(proposals).where(and(eq(proposals.committeeId, committeeId), eq(proposals.historical, true), eq(proposals.year, year))))[0].n;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('the demo holds the 436 real proposals of 2019 as 龙岗区 history, with numbers, proposers and parts kept', async () => {
    const staff = await actor('staff');
    expect(await historicalCount(staff.committeeId)).toBe(436);
    expect(await historicalCount((await actor('ft_staff')).committeeId)).toBe(0);
    const [first] = await t.database.db.select().from(proposals).where(and(eq(proposals.committeeId, staff.committeeId), eq(proposals.historical, true), eq(proposals.number, 1)));
    expect(first).toMatchObject({ status: 'closed', year: 2019, numberText: '2019年 第0001号', title: '关于完善城市环卫公厕指引系统的建议', category: '城乡建设', proposerText: '邹正', authorType: 'individual', sessionId: null });
    expect(first.background).toMatch(/^2015 年 4 月 1 日/);
    expect(first.analysis).toContain('线下：街头指示牌设置不合理');
    expect(first.suggestions).toContain('公厕地图');
    const [joint] = await t.database.db.select().from(proposals).where(and(eq(proposals.committeeId, staff.committeeId), eq(proposals.historical, true), eq(proposals.proposerText, '冯少东等2人')));
    expect(joint.authorType).toBe('joint');
    const [party] = await t.database.db.select().from(proposals).where(and(eq(proposals.committeeId, staff.committeeId), eq(proposals.historical, true), eq(proposals.proposerText, '九三学社江苏省委'))).limit(1);
    expect(party).toMatchObject({ authorType: 'collective', collectiveBody: '九三学社江苏省委', leadMemberId: null });
  });

  it('re-importing the same list changes nothing; another committee gets its own copy once; one audit row each', async () => {
    const staff = await actor('staff');
    expect(await importProposals(ctxOf(staff), { file: readFileSync(csvPath) })).toEqual({ total: 436, created: 0, updated: 0, unchanged: 436, linkedToMembers: expect.any(Number) });
    expect(await historicalCount(staff.committeeId)).toBe(436);

    const ft = await actor('ft_staff');
    expect(await importProposals(ctxOf(ft), { file: realCsv, source: 'test' })).toMatchObject({ total: 436, created: 436, updated: 0, unchanged: 0 });
    expect(await importProposals(ctxOf(ft), { file: realCsv, source: 'test' })).toMatchObject({ created: 0, unchanged: 436 });
    expect(await historicalCount(ft.committeeId)).toBe(436);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.committeeId, ft.committeeId), eq(auditLog.action, 'proposal.import'))).orderBy(asc(auditLog.seq));
    expect(audits).toHaveLength(2);
    expect(audits[0].after).toMatchObject({ created: 436, years: [2019] });

    // a corrected title is an update of the same record, not a second one
    const fixed = toCsv(records.map((r) => (r.proposal_number === '0002' ? { ...r, reason: '关于加快老旧小区光纤化改造的建议' } : r)));
    expect(await importProposals(ctxOf(ft), { file: fixed, source: 'test' })).toMatchObject({ created: 0, updated: 1, unchanged: 435 });
    const [second] = await t.database.db.select().from(proposals).where(and(eq(proposals.committeeId, ft.committeeId), eq(proposals.historical, true), eq(proposals.number, 2)));
    expect(second).toMatchObject({ title: '关于加快老旧小区光纤化改造的建议', version: 2 });
    expect(await verifyAuditChain(t.database.db)).toEqual([]);
  });

  it('a bad row names its row and column in Chinese, and nothing of the file is stored', async () => {
    const staff = await actor('staff');
    const rows: Record<string, string>[] = records.slice(0, 6).map((r) => ({ ...r, year: '2020' }));
    rows[2] = { ...rows[2], reason: '' }; // row 4
    rows[4] = { ...rows[4], proposal_number: '12a' }; // row 6
    rows[5] = { ...rows[5], proposal_number: rows[0].proposal_number }; // row 7 repeats row 2
    const err = await importProposals(ctxOf(staff), { file: toCsv(rows) }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(400);
    expect(err.message).toContain('第4行 案由（reason）：不能为空');
    expect(err.details.rows).toEqual([
      { row: 4, field: 'reason', label: '案由（reason）', message: '不能为空' },
      { row: 6, field: 'proposal_number', label: '提案号（proposal_number）', message: '应为1至6位数字' },
      { row: 7, field: 'proposal_number', label: '提案号（proposal_number）', message: '2020年第1号与第2行重复' },
    ]);
    expect(await historicalCount(staff.committeeId, 2020)).toBe(0);

    // the latest year a row may carry is the app clock's year, not the machine's
    const past = toCsv(records.slice(0, 1).map((r) => ({ ...r, year: '2019' })));
    const early = await importProposals(ctxOf(staff, new Date('2018-06-01T04:00:00Z')), { file: past }).catch((e) => e);
    expect(early.details.rows).toEqual([{ row: 2, field: 'year', label: '年度（year）', message: '不能晚于2018年' }]);

    const noTitleColumn = toCsv(rows).replace(/^([^\n]*)reason/, '$1title');
    await expect(importProposals(ctxOf(staff), { file: noTitleColumn })).rejects.toThrow('缺少列：案由（reason）');
    await expect(importProposals(ctxOf(await actor('member')), { file: realCsv })).rejects.toThrow('只有提案委工作人员');
    await expect(importProposals(ctxOf(await actor('info')), { file: realCsv })).rejects.toMatchObject({ status: 403 });
  });

  it('the similar-proposal finder shows imported proposals to members, as past years’ proposals', async () => {
    const member = await as('member');
    const hits = await ok(member.get(`/api/proposals/similar?text=${encodeURIComponent('完善城市环卫公厕指引系统，设计公厕地图')}&limit=10`));
    expect(hits).toContainEqual(expect.objectContaining({ year: 2019, number: '2019年 第0001号', title: '关于完善城市环卫公厕指引系统的建议', statusLabel: '已办结' }));
    // 福田区 imported its copy during this run: its finder picks it up without being told
    const ftMember = await as('ft_member');
    const ftHits = await ok(ftMember.get(`/api/proposals/similar?text=${encodeURIComponent('老旧小区光纤化改造')}&limit=5`));
    expect(ftHits[0]).toMatchObject({ year: 2019, number: '2019年 第0002号', title: '关于加快老旧小区光纤化改造的建议' });
    const list = await ok(ftMember.get('/api/proposals?historical=1&pageSize=5'));
    expect(list.total).toBe(436);
    expect(list.items[0]).toMatchObject({ historical: true, proposer: expect.any(String) });
  });
});

/** `npm run cli -- import-proposals …` as an administrator runs it, on a copy of the demo database. */
function cli(dataDir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const { DATABASE_URL: _drop, ...env } = process.env;
    const child = spawn('npx', ['tsx', 'src/server/cli.ts', ...args], { env: { ...env, DATA_DIR: dataDir, SEED_DEMO: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, out: out.trim(), err: err.replace(/^npm warn.*\n?/gm, '').trim() }));
  });
}

describe('import-proposals on the command line', () => {
  it('imports into the named committee, reports bad rows with row and column, and exits non-zero', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sl-import-'));
    const copy = await openPglite(path.join(dir, 'pg'), new Blob([readFileSync(inject('pgliteTemplate'))]));
    await copy.close();
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, toCsv([records[0], { ...records[1], type: '' }]));

    const wrong = await cli(dir, 'import-proposals', bad, '福田区政协');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('第3行 类别（type）：不能为空');
    expect(await cli(dir, 'import-proposals', csvPath)).toMatchObject({ code: 1, err: expect.stringContaining('请指定导入到哪个委员会') });
    const done = await cli(dir, 'import-proposals', csvPath, '福田区政协');
    expect(done, done.err).toMatchObject({ code: 0, out: expect.stringContaining('共436件，新增436件，更新0件，未变0件') });
    expect((await cli(dir, 'import-proposals', csvPath, '龙岗区政协')).out).toContain('新增0件，更新0件，未变436件');
  }, 180_000);
});
