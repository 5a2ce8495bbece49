import { pathTo } from '@shared/http/paths';
import type { CatalogKind } from '@shared/org/labels';
import { orgPaths } from '@shared/org/paths';
import type { CatalogItem, CatalogList, Term } from '@shared/org/responses';
import { useGet, useGetAll } from '../../app/query';

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

const toOptions = (items: CatalogItem[]): Option[] =>
  items.map((i) => ({ value: i.id, label: i.active ? i.name : `${i.name}（已停用）`, disabled: !i.active }));

/**
 * Select options from the organisation catalogs, for forms and filters elsewhere (members, users).
 * Inactive entries stay visible (an old record may point at one) but cannot be chosen.
 *
 * @example const { options } = useOrgOptions(['sectors', 'parties']); <Select options={options.sectors} />
 */
export function useOrgOptions<K extends CatalogKind>(kinds: K[], withTerms = false) {
  const lists = useGetAll<CatalogList>(kinds.map((kind) => pathTo(orgPaths.catalog, { kind })));
  const { data: terms } = useGet<{ items: Term[] }>(orgPaths.terms, undefined, { enabled: withTerms });
  const options = Object.fromEntries(kinds.map((k, i) => [k, lists ? toOptions(lists[i].items) : []])) as Record<K, Option[]>;
  return { options, terms: withTerms ? terms?.items ?? [] : [] };
}
