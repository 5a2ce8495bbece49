/**
 * A minimal valid value for a zod 4 schema, for the authorisation matrix: a write must pass the
 * validator so that the policy, not the schema, is what refuses it. Required fields only (optional
 * ones are left out), strings of their minimum length in Chinese, numbers within bounds, enums'
 * first value, and ids chosen by `idFor(path)` — the caller maps a field name (`unitId`,
 * `memberIds`, `version`, …) to a record of the committee under test.
 */
export type IdFor = (path: string[]) => string | number | undefined;

type Def = { type: string; [k: string]: any };
const defOf = (s: any): Def => s?._zod?.def ?? { type: 'unknown' };
const checksOf = (d: Def) => (d.checks ?? []).map((c: any) => c?._zod?.def ?? {});

const CHINESE = '关于加强社区治理和民生服务工作的建议内容说明';
function chineseOfLength(n: number): string {
  let s = '';
  while (s.length < n) s += CHINESE;
  return s.slice(0, Math.max(n, 0));
}

function sampleString(d: Def, path: string[], idFor: IdFor): unknown {
  const checks = checksOf(d);
  const format = d.format ?? checks.find((c: any) => c.check === 'string_format')?.format;
  if (format === 'uuid' || format === 'guid') return idFor(path) ?? '00000000-0000-4000-8000-000000000000';
  if (format === 'date') return '2026-03-02';
  if (format === 'datetime') return '2026-03-02T09:00:00.000Z';
  if (format === 'time') return '09:00:00';
  if (format === 'email') return 'member@example.cn';
  if (format === 'url') return 'https://example.cn/';
  const pattern: RegExp | undefined = d.pattern ?? checks.find((c: any) => c.format === 'regex')?.pattern;
  if (pattern) return sampleForPattern(pattern);
  const named = idFor(path);
  if (typeof named === 'string') return named;
  const min = Math.max(0, ...checks.filter((c: any) => c.check === 'min_length' || c.check === 'length_equals').map((c: any) => c.minimum ?? c.length ?? 0));
  const max = Math.min(Infinity, ...checks.filter((c: any) => c.check === 'max_length' || c.check === 'length_equals').map((c: any) => c.maximum ?? c.length ?? Infinity));
  return chineseOfLength(Math.min(Math.max(min, 4), max));
}

/** A few shapes the schemas use (phone numbers, codes); anything else gets digits and hopes. */
function sampleForPattern(re: RegExp): string {
  for (const candidate of ['0755-28900000', '13900000000', '07001', '2026', '18:00', 'A', 'abc', '12345', 'https://example.cn/']) if (re.test(candidate)) return candidate;
  return '0755-28900000';
}

function sampleNumber(d: Def, path: string[], idFor: IdFor): number {
  const named = idFor(path);
  if (typeof named === 'number') return named;
  const checks = checksOf(d);
  const int = checks.some((c: any) => c.check === 'number_format' && /int/.test(c.format ?? '')) || d.format === 'safeint' || d.format === 'int32';
  let lo = -Infinity;
  let hi = Infinity;
  for (const c of checks) {
    if (c.check === 'greater_than') lo = Math.max(lo, c.inclusive ? c.value : c.value + (int ? 1 : 0.5));
    if (c.check === 'less_than') hi = Math.min(hi, c.inclusive ? c.value : c.value - (int ? 1 : 0.5));
  }
  let v = lo > -Infinity ? lo : hi < Infinity ? Math.min(1, hi) : 1;
  if (int) v = Math.ceil(v);
  return v;
}

/** Returns undefined for a field that may be left out. */
export function sampleOf(schema: unknown, idFor: IdFor, path: string[] = []): unknown {
  const d = defOf(schema);
  switch (d.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries<any>(d.shape ?? {})) {
        const t = defOf(field).type;
        if (t === 'optional' || t === 'default' || t === 'prefault') continue;
        const v = sampleOf(field, idFor, [...path, key]);
        if (v !== undefined) out[key] = v;
      }
      return out;
    }
    case 'string':
      return sampleString(d, path, idFor);
    case 'number':
    case 'int':
      return sampleNumber(d, path, idFor);
    case 'bigint':
      return 1;
    case 'boolean':
      return typeof idFor(path) === 'number' ? Boolean(idFor(path)) : true;
    case 'date':
      return '2026-03-02T09:00:00.000Z';
    case 'enum':
      return Object.values(d.entries ?? {})[0];
    case 'literal':
      return (d.values ?? [])[0];
    case 'array': {
      const min = Math.max(1, ...checksOf(d).filter((c: any) => c.check === 'min_length').map((c: any) => c.minimum));
      return Array.from({ length: min }, () => sampleOf(d.element, idFor, path));
    }
    case 'tuple':
      return (d.items ?? []).map((x: unknown, i: number) => sampleOf(x, idFor, [...path, String(i)]));
    case 'record':
      return {};
    case 'union':
      return sampleOf(d.options[0], idFor, path);
    case 'intersection':
      return { ...(sampleOf(d.left, idFor, path) as object), ...(sampleOf(d.right, idFor, path) as object) };
    case 'optional':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return sampleOf(d.innerType, idFor, path);
    case 'nullable':
      return sampleOf(d.innerType, idFor, path);
    case 'default':
    case 'prefault':
      return sampleOf(d.innerType, idFor, path);
    case 'pipe':
      return sampleOf(d.in, idFor, path);
    case 'lazy':
      return sampleOf(d.getter(), idFor, path);
    case 'null':
      return null;
    default:
      return undefined;
  }
}

/** Does the value pass the schema (after the walk, refinements may still refuse it)? */
export function passes(schema: unknown, value: unknown): boolean {
  const s = schema as { safeParse?: (v: unknown) => { success: boolean } };
  return typeof s?.safeParse === 'function' ? s.safeParse(value).success : true;
}

/** Is this string schema an id (uuid)? */
function isIdString(d: Def): boolean {
  const format = d.format ?? checksOf(d).find((c: any) => c.check === 'string_format')?.format;
  return d.type === 'string' && (format === 'uuid' || format === 'guid');
}

/**
 * Every field of a schema that holds a record id (a uuid string, or an array of them), optional ones
 * included, as paths of keys (`[]` for an array's element), e.g. `['assignments', '[]', 'unitId']`.
 * Every option of a union is walked; `optionOf` in `withValueAt` picks the one a path goes through.
 */
export function idPathsOf(schema: unknown, path: string[] = [], seen = new Set<unknown>()): string[][] {
  const d = defOf(schema);
  if (seen.has(schema)) return [];
  switch (d.type) {
    case 'string':
      return isIdString(d) ? [path] : [];
    case 'object': {
      seen.add(schema);
      const out = Object.entries<any>(d.shape ?? {}).flatMap(([k, f]) => idPathsOf(f, [...path, k], seen));
      seen.delete(schema);
      return out;
    }
    case 'array':
      return idPathsOf(d.element, [...path, '[]'], seen);
    case 'union': {
      const all = (d.options as unknown[]).flatMap((o) => idPathsOf(o, path, seen));
      return [...new Map(all.map((p) => [p.join('.'), p])).values()];
    }
    case 'intersection':
      return [...idPathsOf(d.left, path, seen), ...idPathsOf(d.right, path, seen)];
    case 'optional': case 'nonoptional': case 'readonly': case 'catch': case 'nullable': case 'default': case 'prefault':
      return idPathsOf(d.innerType, path, seen);
    case 'pipe':
      return idPathsOf(d.in, path, seen);
    case 'lazy':
      return idPathsOf(d.getter(), path, seen);
    default:
      return [];
  }
}

/** The object schema of an object/union node that has `key` among its fields (unwrapping optional and the like). */
function objectWith(schema: unknown, key: string): unknown | undefined {
  const d = defOf(schema);
  if (d.type === 'object') return key in (d.shape ?? {}) ? schema : undefined;
  if (d.type === 'union') for (const o of d.options as unknown[]) { const found = objectWith(o, key); if (found) return found; }
  if (['optional', 'nonoptional', 'readonly', 'catch', 'nullable', 'default', 'prefault'].includes(d.type)) return objectWith(d.innerType, key);
  if (d.type === 'pipe') return objectWith(d.in, key);
  if (d.type === 'intersection') return objectWith(d.left, key) ?? objectWith(d.right, key);
  return undefined;
}
const unwrapped = (schema: unknown): unknown => {
  const d = defOf(schema);
  if (['optional', 'nonoptional', 'readonly', 'catch', 'nullable', 'default', 'prefault'].includes(d.type)) return unwrapped(d.innerType);
  if (d.type === 'pipe') return unwrapped(d.in);
  return schema;
};

/**
 * `value` (a sample of `schema`) with `id` put at `path` (from `idPathsOf`): missing objects on the
 * way are sampled (an optional field included), an array gets its first element set, and a union
 * takes the option that has the path's next key. Returns a new value.
 */
export function withValueAt(schema: unknown, value: unknown, path: string[], id: string, idFor: IdFor): unknown {
  if (!path.length) return id;
  const [key, ...rest] = path;
  const s = unwrapped(schema);
  const d = defOf(s);
  if (key === '[]') {
    const arr = Array.isArray(value) && value.length ? [...value] : [sampleOf(d.element, idFor)];
    arr[0] = rest.length ? withValueAt(d.element, arr[0], rest, id, idFor) : id;
    return arr;
  }
  const obj = objectWith(s, key);
  if (!obj) return value;
  let base = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  // a union's option other than the sampled one: start from a sample of the option that has the key
  if (!(key in base) && obj !== s && defOf(s).type === 'union') base = (sampleOf(obj, idFor) as Record<string, unknown>) ?? {};
  const field = defOf(obj).shape[key];
  const current = key in base ? base[key] : sampleOf(unwrapped(field), idFor);
  return { ...base, [key]: withValueAt(field, current, rest, id, idFor) };
}
