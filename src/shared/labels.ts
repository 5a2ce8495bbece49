/** The Chinese name of `key` in a label table, or the key itself when the table has none. */
export const labelOf = <T extends Record<string, string>>(labels: T, key: string | null | undefined): string =>
  key == null ? '' : ((labels as Record<string, string>)[key] ?? key);

/** A label table as options for a select or radio group, in the table's order. */
export const optionsOf = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** `{ a: '甲' }` → the tuple zod's enum wants, so an input schema allows exactly the labelled keys. */
export const keysOf = <T extends Record<string, unknown>>(labels: T) => Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];

/**
 * A stored value as a key of its label table, so a presenter answers with the response schema's enum
 * (`status: keyIn(leaveStates, r.status)`: tsc checks the table's keys against the schema's values).
 * A value outside the table is a broken row, not something a person typed: it throws.
 */
export function keyIn<T extends Record<string, unknown>>(labels: T, value: string): keyof T & string {
  if (!Object.hasOwn(labels, value)) throw new Error(`"${value}" is none of ${Object.keys(labels).join(', ')}`);
  return value as keyof T & string;
}
