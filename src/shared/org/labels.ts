/**
 * The six organisation catalogs share one shape, one set of routes and one page; this table names
 * them. `kinds` are the allowed values of a catalog's 类别 column with their Chinese names.
 */
export const catalogs = {
  sectors: { label: '界别', kinds: {} },
  'special-committees': { label: '专门委员会', kinds: {} },
  parties: { label: '党派团体', kinds: { cpc: '中国共产党', party: '民主党派', nonparty: '无党派人士', group: '人民团体' } },
  'street-groups': { label: '街道联络组', kinds: {} },
  studios: { label: '委员工作室', kinds: { regional: '区域', sector: '界别', party: '党派' } },
  units: { label: '承办单位', kinds: { party: '党委部门', government: '政府部门', people: '人民团体', street: '街道镇', other: '其他' } },
} as const satisfies Record<string, { label: string; kinds: Record<string, string> }>;

export type CatalogKind = keyof typeof catalogs;
export const catalogKinds = Object.keys(catalogs) as CatalogKind[];
