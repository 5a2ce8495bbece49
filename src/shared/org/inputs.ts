import { z } from 'zod';
import { catalogKinds } from './labels.js';

/** What the web sends about the organisation; the server validates every request with the same schemas. */

const text = (label: string, max: number) => z.string().trim().max(max).describe(label);
const optionalText = (label: string, max: number) => text(label, max).nullish();
export const isoDate = (label: string) => z.iso.date().describe(label);
export const versionField = z.number().int().min(1).describe('版本');

export const catalogParams = z.object({ kind: z.enum(catalogKinds).describe('目录类别') });
export const catalogItemParams = catalogParams.extend({ id: z.uuid().describe('记录编号') });

export const catalogInput = z.object({
  name: text('名称', 100).min(1),
  kind: optionalText('类别', 20),
  sortOrder: z.number().int().min(0).max(100000).optional().describe('排序'),
  note: optionalText('备注', 500),
  contactName: optionalText('联系人', 50),
  contactPhone: optionalText('联系电话', 30),
  active: z.boolean().optional().describe('状态'),
});
export const catalogPatch = catalogInput.partial().extend({ version: versionField });

export const termInput = z.object({
  number: z.number().int().min(1).max(99).describe('届次号'),
  name: text('名称', 50).min(1),
  startDate: isoDate('开始日期'),
  endDate: isoDate('结束日期').nullish(),
  current: z.boolean().optional().describe('当前届'),
});
export const termPatch = termInput.partial().extend({ version: versionField });

export const sessionInput = z.object({
  termId: z.uuid().describe('届次'),
  number: z.number().int().min(1).max(20).describe('会议次数'),
  name: text('名称', 50).min(1),
  year: z.number().int().min(1949).max(2100).describe('年度'),
  startDate: isoDate('开幕日期'),
  endDate: isoDate('闭幕日期'),
  proposalOpensOn: isoDate('提案征集开始').nullish(),
  proposalClosesOn: isoDate('提案征集截止').nullish(),
});
export const sessionPatch = sessionInput.partial().extend({ version: versionField });

export const idParams = z.object({ id: z.uuid().describe('记录编号') });
export const searchQuery = z.object({ q: z.string().max(100).optional().describe('关键词'), termId: z.uuid().optional().describe('届次') });
