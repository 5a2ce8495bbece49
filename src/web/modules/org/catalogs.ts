/**
 * The six organisation catalogs share one page (CatalogPage); this table is all that differs.
 * `kinds` are the values of the 类别 column; the server also sends its own list, which wins.
 */
export const catalogs = {
  sectors: { label: '界别', kinds: {} },
  'special-committees': { label: '专门委员会', kinds: {} },
  parties: { label: '党派团体', kinds: { party: '民主党派', group: '人民团体' } },
  'street-groups': { label: '街道联络组', kinds: {} },
  studios: { label: '委员工作室', kinds: { regional: '区域', sector: '界别', party: '党派' } },
  units: { label: '承办单位', kinds: { party: '党委部门', government: '政府部门', people: '人民团体', street: '街道镇', other: '其他' } },
} satisfies Record<string, { label: string; kinds: Record<string, string> }>;

export type CatalogKind = keyof typeof catalogs;
export const catalogKinds = Object.keys(catalogs) as CatalogKind[];

export interface CatalogItem {
  id: string;
  name: string;
  kind: string | null;
  sortOrder: number;
  note: string | null;
  contactName: string | null;
  contactPhone: string | null;
  active: boolean;
  version: number;
  actions: string[];
}
