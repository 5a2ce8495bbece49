import dayjs, { type Dayjs } from 'dayjs';

/**
 * Form values → request body: dates become 'YYYY-MM-DD', cleared fields (undefined) become null so
 * that a PATCH really clears them (JSON drops undefined).
 */
export function toBody<T extends Record<string, unknown>>(values: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = v === undefined ? null : dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v;
  return out;
}

/** Record → form values: the named date strings become dayjs for DatePicker. */
export function toForm<T extends object>(record: T, dateFields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const f of dateFields) out[f] = out[f] ? dayjs(out[f] as string) : undefined;
  return out;
}

export const formatDay = (d: string | null | undefined) => (d ? dayjs(d).format('YYYY-MM-DD') : '—');
export const formatTime = (t: string | null | undefined) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '—');
export const dateRange = (a: string | null | undefined, b: string | null | undefined) => (a || b ? `${formatDay(a)} 至 ${formatDay(b)}` : '—');
export type { Dayjs };

/** May the user do this to the record (or on the list)? From the server's `actions`. */
export const can = (holder: { actions?: string[] } | undefined, action: string) => !!holder?.actions?.includes(action);
