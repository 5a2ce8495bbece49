import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { signIn } from './support.js';

/** A multipart/form-data body with one file field, as a browser's upload sends it. */
function upload(file: Buffer, name = '委员名册.xlsx') {
  const boundary = `----sl${Date.now()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(name)}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function readSheet(file: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as any);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return { wb, ws, rows };
}

/** 委员管理: the roster's records, validation, and the .xlsx round trip. */
describe.each(dbKinds)('members on %s', (kind) => {
  let t: TestApp;
  let roster: Client;
  let termId: string;
  const exportFile = async (client = roster) => {
    const res = await client.request({ method: 'GET', url: '/api/members/export' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    return (await t.app.inject({ method: 'GET', url: '/api/members/export', headers: { cookie: client.cookie } })).rawPayload;
  };
  const importFile = (file: Buffer) => roster.request({ method: 'POST', url: '/api/members/import', ...upload(file) });
  const count = async () => (await ok(roster.get('/api/members?pageSize=1'))).total as number;

  beforeAll(async () => {
    t = await startTestApp(kind);
    roster = await signIn(t, 'roster');
    termId = (await ok(roster.get('/api/org/terms'))).items[0].id;
  });
  afterAll(() => t.close());

  it('creates, edits and refuses a stale edit of a member, resolving names of the references', async () => {
    const sectors = (await ok(roster.get('/api/org/sectors'))).items;
    const specials = (await ok(roster.get('/api/org/special-committees'))).items;
    const m = await ok(roster.post('/api/members', { termId, code: 'M9001', name: '王测试', gender: '男', sectorId: sectors[0].id, specialCommitteeIds: [specials[0].id, specials[1].id], phone: '13800000000', position: 'standingMember' }));
    expect([m.sectorName, m.specialCommitteeNames, m.positionLabel, m.ethnicity, m.status]).toEqual([sectors[0].name, [specials[0].name, specials[1].name], '常委', '汉族', 'active']);
    const edited = await ok(roster.patch(`/api/members/${m.id}`, { version: 1, status: 'resigned', email: 'wang@example.cn' }));
    expect([edited.version, edited.status, edited.email, edited.phone]).toEqual([2, 'resigned', 'wang@example.cn', '13800000000']);
    const stale = await roster.patch(`/api/members/${m.id}`, { version: 1, name: '覆盖' });
    expect(stale.status).toBe(409);
    expect((await ok(roster.get(`/api/members/${m.id}`))).name).toBe('王测试');
  });

  it('names every bad field in Chinese and stores nothing', async () => {
    const before = await count();
    const res = await roster.post('/api/members', { termId, code: 'M9002', name: '', gender: '未知', phone: 'abc', email: 'not-an-email', birthDate: '1990-13-01', position: 'king', specialCommitteeIds: ['x'] });
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: any) => f.label).sort()).toEqual(['姓名', '性别', '联系电话', '电子邮箱', '出生日期', '职务', '专委会'].sort());
    expect(res.body.message).toMatch(/姓名：不能为空/);
    const foreignSector = await roster.post('/api/members', { termId, code: 'M9003', name: '外区界别', gender: '女', sectorId: '00000000-0000-4000-8000-000000000000' });
    expect([foreignSector.status, foreignSector.body.message]).toEqual([400, '界别：不存在']);
    const dupCode = await roster.post('/api/members', { termId, code: 'M9001', name: '重号', gender: '女' });
    expect(dupCode.body.message).toBe('委员编号：已存在相同的值');
    expect(await count()).toBe(before);
  });

  it('exports the roster as .xlsx and imports the same file back unchanged', async () => {
    const file = await exportFile();
    const { rows } = await readSheet(file);
    expect(rows[0].slice(0, 4)).toEqual(['委员编号', '姓名', '性别', '民族']);
    const total = await count();
    expect(rows.length - 1).toBe(total);
    const before = (await ok(roster.get('/api/members?pageSize=500'))).items.map((m: any) => [m.code, m.name, m.sectorName, m.specialCommitteeNames.join('、'), m.phone]);
    const res = await importFile(file);
    expect(res.status, res.raw).toBe(200);
    expect(res.body).toEqual({ imported: total, created: 0, updated: total });
    const after = (await ok(roster.get('/api/members?pageSize=500'))).items.map((m: any) => [m.code, m.name, m.sectorName, m.specialCommitteeNames.join('、'), m.phone]);
    expect(after).toEqual(before);
    // and the exported file is the same again
    expect((await readSheet(await exportFile())).rows).toEqual(rows);
  });

  it('reports every bad row of an import by row and column, and imports nothing', async () => {
    const { wb, ws } = await readSheet(await exportFile());
    const col = (header: string) => (ws.getRow(1).values as string[]).indexOf(header);
    const good = ws.addRow([]);
    good.getCell(col('委员编号')).value = 'N0001';
    good.getCell(col('姓名')).value = '新委员甲';
    good.getCell(col('性别')).value = '女';
    const bad = ws.addRow([]);
    bad.getCell(col('委员编号')).value = 'N0002';
    bad.getCell(col('姓名')).value = '新委员乙';
    bad.getCell(col('性别')).value = '不详';
    bad.getCell(col('界别')).value = '不存在的界别';
    const dup = ws.addRow([]);
    dup.getCell(col('委员编号')).value = 'N0001';
    dup.getCell(col('姓名')).value = '重复编号';
    dup.getCell(col('性别')).value = '男';
    // an edit of an existing row in the same file must not land either
    ws.getRow(2).getCell(col('工作单位')).value = '不应保存的单位';
    const before = await count();
    const res = await importFile(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('名册有3处问题，未导入任何记录');
    expect(res.body.rows).toEqual([
      { row: bad.number, field: 'sectorId', label: '界别', message: '“不存在的界别”不存在，请先在组织机构中添加' },
      { row: bad.number, field: 'gender', label: '性别', message: '不在可选范围内' },
      { row: dup.number, field: 'code', label: '委员编号', message: `与第${good.number}行重复` },
    ]);
    expect(await count()).toBe(before);
    const first = (await ok(roster.get('/api/members?pageSize=1'))).items[0];
    expect(first.workplace).not.toBe('不应保存的单位');
  });

  it('refuses a file that is not a roster with a Chinese message', async () => {
    const notXlsx = await importFile(Buffer.from('这不是表格'));
    expect([notXlsx.status, notXlsx.body.message]).toEqual([400, '文件：不是有效的 .xlsx 表格']);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名单').addRow(['编号', '名字']);
    const wrongColumns = await importFile(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(wrongColumns.body.message).toMatch(/^文件：缺少列：委员编号、姓名、性别/);
    const template = await (await signIn(t, 'office')).request({ method: 'GET', url: '/api/members/template' });
    expect(template.status).toBe(200);
    const empty = await importFile((await t.app.inject({ method: 'GET', url: '/api/members/template', headers: { cookie: roster.cookie } })).rawPayload);
    expect(empty.body.message).toBe('文件：表格中没有委员数据');
  });
});
