import { newWorkbook } from '../../platform/documents/workbook.js';
import { and, between, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { instructions } from '../../platform/handling/schema.js';
import { ledgerEntries } from '../../platform/ledger/schema.js';
import { getSettings } from '../../platform/settings/settings.js';
import { members } from '../members/schema.js';
import { sectors } from '../org/schema.js';
import { opinionAdoptions, opinions } from './schema.js';
import { opinionSettings } from './settings.js';
import { levels, opinionStates, type Level, type OpinionState } from './workflow.js';

const levelKeys = Object.keys(levels) as Level[];
const zeroLevels = () => Object.fromEntries(levelKeys.map((l) => [l, 0])) as Record<Level, number>;

/**
 * The year's figures of a committee's reports: submitted, adopted, declined; reports adopted and
 * instructions at each level; per member (from the performance ledger, so combined reports credit
 * every author) with the yearly quota; per sector and category; and the list itself.
 *
 * Each figure says what it counts, and every total is the sum of its parts (a test cross-checks
 * them): `adopted` is reports (篇) adopted at least once, directly or through the report they were
 * combined into — the sum of the categories; `adoptions` is adoption records (次), one per level
 * and channel — the sum of `adoptionsByLevel`; `byLevel` is the reports adopted at each level (a
 * report adopted at two levels is in both). Per member the same: `adopted` reports, `adoptions`
 * records (the sum of `adoptedByLevel`), and the sectors add up the members.
 */
export async function opinionStats(db: Executor, committeeId: string, year: number) {
  const reports = await db
    .select()
    .from(opinions)
    .where(and(eq(opinions.committeeId, committeeId), eq(opinions.year, year), notInArray(opinions.status, ['draft', 'withdrawn'])));
  const ids = reports.map((o) => o.id);
  const [adoptions, ins, ledger, settings] = await Promise.all([
    ids.length ? db.select().from(opinionAdoptions).where(inArray(opinionAdoptions.opinionId, ids)) : [],
    ids.length ? db.select().from(instructions).where(and(eq(instructions.subjectType, 'opinion'), inArray(instructions.subjectId, ids))) : [],
    db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.committeeId, committeeId), eq(ledgerEntries.sourceType, 'opinion'), between(ledgerEntries.day, `${year}-01-01`, `${year}-12-31`), isNull(ledgerEntries.voidedAt))),
    getSettings(db, opinionSettings, committeeId, year),
  ]);
  const memberIds = [...new Set(ledger.map((e) => e.memberId))];
  const people = memberIds.length ? await db.select({ id: members.id, name: members.name, sectorId: members.sectorId }).from(members).where(inArray(members.id, memberIds)) : [];
  const sectorRows = await db.select({ id: sectors.id, name: sectors.name }).from(sectors).where(eq(sectors.committeeId, committeeId));
  const sectorName = new Map(sectorRows.map((s) => [s.id, s.name]));

  const written = reports.filter((o) => o.authorType !== 'combined');
  const adoptedIds = new Set(adoptions.map((a) => a.opinionId));
  const byLevel = zeroLevels();
  for (const l of levelKeys) byLevel[l] = new Set(adoptions.filter((a) => a.level === l).map((a) => a.opinionId)).size;
  const adoptionsByLevel = zeroLevels();
  for (const a of adoptions) adoptionsByLevel[a.level as Level] += 1;
  const instructionsByLevel = zeroLevels();
  for (const i of ins) instructionsByLevel[i.level as Level] = (instructionsByLevel[i.level as Level] ?? 0) + 1;
  // a written report counts as adopted when it or the report it was combined into was adopted
  const adoptedWritten = written.filter((o) => adoptedIds.has(o.id) || (o.combinedIntoId !== null && adoptedIds.has(o.combinedIntoId)));

  const byAuthor = people
    .map((p) => {
      const mine = ledger.filter((e) => e.memberId === p.id);
      const count = (kind: string, level?: Level) => mine.filter((e) => e.kind === kind && (!level || e.note === level)).length;
      const reportsOf = (kind: string) => new Set(mine.filter((e) => e.kind === kind).map((e) => e.sourceId)).size;
      const adoptedByLevel = Object.fromEntries(levelKeys.map((l) => [l, count('opinion.adopted', l)])) as Record<Level, number>;
      const submitted = reportsOf('opinion.submitted');
      return {
        memberId: p.id, name: p.name, sector: p.sectorId ? sectorName.get(p.sectorId) ?? '' : '',
        submitted, adopted: reportsOf('opinion.adopted'), adoptions: count('opinion.adopted'), adoptedByLevel, instructed: count('opinion.instructed'), quotaMet: submitted >= settings.yearlyQuota,
      };
    })
    .sort((a, b) => b.adopted - a.adopted || b.adoptions - a.adoptions || b.submitted - a.submitted || a.name.localeCompare(b.name, 'zh'));

  const sectorsMap = new Map<string, { sector: string; members: number; submitted: number; adopted: number; adoptions: number; instructed: number }>();
  for (const a of byAuthor) {
    const key = a.sector || '未填界别';
    const s = sectorsMap.get(key) ?? { sector: key, members: 0, submitted: 0, adopted: 0, adoptions: 0, instructed: 0 };
    s.members++, (s.submitted += a.submitted), (s.adopted += a.adopted), (s.adoptions += a.adoptions), (s.instructed += a.instructed);
    sectorsMap.set(key, s);
  }
  const categories = new Map<string, { category: string; submitted: number; adopted: number }>();
  for (const o of written) {
    const c = categories.get(o.category) ?? { category: o.category, submitted: 0, adopted: 0 };
    c.submitted++;
    if (adoptedWritten.includes(o)) c.adopted++;
    categories.set(o.category, c);
  }
  return {
    year, quota: settings.yearlyQuota,
    submitted: written.length,
    adopted: adoptedWritten.length,
    adoptions: adoptions.length,
    instructions: ins.length,
    declined: reports.filter((o) => o.status === 'declined').length,
    combined: reports.filter((o) => o.status === 'combined').length,
    byLevel, adoptionsByLevel, instructionsByLevel,
    byAuthor,
    bySector: [...sectorsMap.values()].sort((a, b) => b.submitted - a.submitted),
    byCategory: [...categories.values()].sort((a, b) => b.submitted - a.submitted),
    reports: reports.map((o) => ({
      serial: o.serial, title: o.title, authorText: o.authorText, category: o.category, status: opinionStates[o.status as OpinionState] ?? o.status,
      submittedAt: o.submittedAt?.toISOString().slice(0, 10) ?? '',
      adoptions: adoptions.filter((a) => a.opinionId === o.id).map((a) => `${levels[a.level as Level]}：${a.adoptedBy}`).join('；'),
      instructions: ins.filter((i) => i.subjectId === o.id).map((i) => `${levels[i.level as Level]}·${i.leaderName}`).join('；'),
    })),
  };
}

export type OpinionStats = Awaited<ReturnType<typeof opinionStats>>;

/** The statistics as an .xlsx workbook: summary, per member, per sector, per category, and the list. */
export async function statsWorkbook(s: OpinionStats, committeeName: string): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = committeeName;
  const sheet = (name: string, columns: { header: string; key: string; width: number }[], rows: object[]) => {
    const ws = wb.addWorksheet(name);
    ws.columns = columns;
    ws.getRow(1).font = { bold: true };
    ws.addRows(rows);
  };
  sheet('汇总', [{ header: '项目', key: 'k', width: 24 }, { header: '数量', key: 'v', width: 10 }], [
    { k: `${committeeName} ${s.year}年 报送信息（篇）`, v: s.submitted },
    { k: '被采用信息（篇，至少采用一次）', v: s.adopted },
    { k: '采用（次，各级合计）', v: s.adoptions },
    { k: '未采用（篇）', v: s.declined },
    { k: '已综合（篇）', v: s.combined },
    ...levelKeys.map((l) => ({ k: `${levels[l]}采用（次）`, v: s.adoptionsByLevel[l] })),
    ...levelKeys.map((l) => ({ k: `在${levels[l]}被采用的信息（篇）`, v: s.byLevel[l] })),
    ...levelKeys.map((l) => ({ k: `${levels[l]}领导批示（次）`, v: s.instructionsByLevel[l] })),
  ]);
  sheet(
    '按委员',
    [
      { header: '委员', key: 'name', width: 12 }, { header: '界别', key: 'sector', width: 18 }, { header: '报送（篇）', key: 'submitted', width: 10 },
      { header: '被采用（篇）', key: 'adopted', width: 12 }, { header: '采用（次）', key: 'adoptions', width: 10 }, ...levelKeys.map((l) => ({ header: `${levels[l]}采用（次）`, key: l, width: 12 })),
      { header: '批示（次）', key: 'instructed', width: 10 }, { header: `达到年度任务（${s.quota}篇）`, key: 'quota', width: 18 },
    ],
    s.byAuthor.map((a) => ({ ...a, ...a.adoptedByLevel, quota: a.quotaMet ? '是' : '否' })),
  );
  sheet('按界别', [{ header: '界别', key: 'sector', width: 20 }, { header: '委员人数', key: 'members', width: 10 }, { header: '报送（篇）', key: 'submitted', width: 10 }, { header: '被采用（篇）', key: 'adopted', width: 12 }, { header: '采用（次）', key: 'adoptions', width: 10 }, { header: '批示（次）', key: 'instructed', width: 10 }], s.bySector);
  sheet('按类别', [{ header: '类别', key: 'category', width: 20 }, { header: '报送（篇）', key: 'submitted', width: 10 }, { header: '被采用（篇）', key: 'adopted', width: 12 }], s.byCategory);
  sheet(
    '信息明细',
    [
      { header: '编号', key: 'serial', width: 8 }, { header: '标题', key: 'title', width: 40 }, { header: '报送人', key: 'authorText', width: 16 },
      { header: '类别', key: 'category', width: 12 }, { header: '状态', key: 'status', width: 10 }, { header: '报送日期', key: 'submittedAt', width: 12 },
      { header: '采用情况', key: 'adoptions', width: 40 }, { header: '批示情况', key: 'instructions', width: 30 },
    ],
    s.reports,
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A member's own credit for the year, for "我的社情民意". */
export async function memberCredit(db: Executor, committeeId: string, memberId: string, year: number) {
  const rows = await db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.committeeId, committeeId), eq(ledgerEntries.memberId, memberId), eq(ledgerEntries.sourceType, 'opinion'), between(ledgerEntries.day, `${year}-01-01`, `${year}-12-31`), isNull(ledgerEntries.voidedAt)));
  const { yearlyQuota } = await getSettings(db, opinionSettings, committeeId, year);
  const count = (kind: string, level?: Level) => rows.filter((e) => e.kind === kind && (!level || e.note === level)).length;
  const reportsOf = (kind: string) => new Set(rows.filter((e) => e.kind === kind).map((e) => e.sourceId)).size;
  // reports (篇) submitted and adopted at least once; adoptions and instructions (次) by level
  return {
    year, quota: yearlyQuota, submitted: reportsOf('opinion.submitted'), adopted: reportsOf('opinion.adopted'), adoptions: count('opinion.adopted'), instructed: count('opinion.instructed'),
    adoptedByLevel: Object.fromEntries(levelKeys.map((l) => [l, count('opinion.adopted', l)])) as Record<Level, number>,
    instructedByLevel: Object.fromEntries(levelKeys.map((l) => [l, count('opinion.instructed', l)])) as Record<Level, number>,
  };
}
