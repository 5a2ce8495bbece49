import { sectors, specialCommittees, parties, streetGroups, studios, units } from './schema.js';

/**
 * The six organisation catalogs share one shape and one set of routes; this table names them.
 * `kinds` are the allowed values of the `kind` column with their Chinese labels.
 */
export const catalogs = {
  sectors: { table: sectors, label: '界别', kinds: {} },
  'special-committees': { table: specialCommittees, label: '专门委员会', kinds: {} },
  parties: { table: parties, label: '党派团体', kinds: { cpc: '中国共产党', party: '民主党派', nonparty: '无党派人士', group: '人民团体' } },
  'street-groups': { table: streetGroups, label: '街道联络组', kinds: {} },
  studios: { table: studios, label: '委员工作室', kinds: { regional: '区域', sector: '界别', party: '党派' } },
  units: { table: units, label: '承办单位', kinds: { party: '党委部门', government: '政府部门', people: '人民团体', street: '街道镇', other: '其他' } },
} as const;

export type CatalogKind = keyof typeof catalogs;
export const catalogKinds = Object.keys(catalogs) as CatalogKind[];
