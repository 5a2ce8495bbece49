import { api } from '../../app/api';
import { useRemote } from '../../app/useRemote';
import type { ListOf } from '../../app/types';
import type { CatalogItem, CatalogKind } from './catalogs';
import type { Term } from './types';

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
  const { data } = useRemote(async () => {
    const lists = await Promise.all(kinds.map((k) => api.get<ListOf<CatalogItem>>(`/org/${k}`)));
    const terms = withTerms ? (await api.get<ListOf<Term>>('/org/terms')).items : [];
    return { options: Object.fromEntries(kinds.map((k, i) => [k, toOptions(lists[i].items)])) as Record<K, Option[]>, terms };
  }, [kinds.join(','), withTerms]);
  const empty = Object.fromEntries(kinds.map((k) => [k, []])) as unknown as Record<K, Option[]>;
  return { options: data?.options ?? empty, terms: data?.terms ?? [] };
}
