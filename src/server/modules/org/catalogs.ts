import { catalogs as catalogLabels, type CatalogKind } from '../../../shared/org/labels.js';
import { sectors, specialCommittees, parties, streetGroups, studios, units } from './schema.js';

/** The table of each organisation catalog; names and kinds are in the shared labels. */
const tables = {
  sectors,
  'special-committees': specialCommittees,
  parties,
  'street-groups': streetGroups,
  studios,
  units,
} as const;

export const catalogs = Object.fromEntries(
  Object.entries(catalogLabels).map(([kind, labels]) => [kind, { ...labels, table: tables[kind as CatalogKind] }]),
) as { [K in CatalogKind]: (typeof catalogLabels)[K] & { table: (typeof tables)[K] } };

export { catalogKinds, type CatalogKind } from '../../../shared/org/labels.js';
