import { z } from 'zod';

export const settingsParams = z.object({ module: z.string().max(40).describe('模块') });
/** 0: the rules of every year; a year: that year's own rules, over the general ones. */
export const settingsYear = z.object({ year: z.coerce.number().int().min(0).max(2100).default(0).describe('年度') });
/** A save: the values checked against the module's own schema, with the version read. */
export const settingsSave = z.object({ version: z.number().int().min(0).describe('版本'), values: z.record(z.string(), z.unknown()).describe('配置项') });
