/**
 * The fields of a JSON answer its zod schema does not list, as paths (`items.0.secret`). zod's
 * parse strips them silently, but the API document says an object has exactly the fields its schema
 * lists (additionalProperties: false), so an undeclared field is a document that lies.
 */
type Def = { type: string; [k: string]: any };
const defOf = (s: any): Def => s?._zod?.def ?? { type: 'unknown' };

export function undeclaredFields(schema: unknown, value: unknown, at = ''): string[] {
  const d = defOf(schema);
  const here = (k: string | number) => (at ? `${at}.${k}` : String(k));
  switch (d.type) {
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional':
      return value === null || value === undefined ? [] : undeclaredFields(d.innerType, value, at);
    // a codec or pipe: the wire carries its input side (an instant is a string)
    case 'pipe':
      return undeclaredFields(d.in, value, at);
    case 'lazy':
      return undeclaredFields(d.getter(), value, at);
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => undeclaredFields(d.element, v, here(i))) : [];
    case 'record':
      return value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => undeclaredFields(d.valueType, v, here(k))) : [];
    case 'union': {
      // the branch the value fits (the first, as zod picks it), or the fewest complaints
      const fits = d.options.find((o: any) => o.safeParse(value).success);
      if (fits) return undeclaredFields(fits, value, at);
      return d.options.map((o: any) => undeclaredFields(o, value, at)).sort((a: string[], b: string[]) => a.length - b.length)[0] ?? [];
    }
    case 'intersection': {
      // a field is undeclared when neither side lists it
      const right = undeclaredFields(d.right, value, at);
      return undeclaredFields(d.left, value, at).filter((p) => right.includes(p));
    }
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
      const shape = d.shape as Record<string, unknown>;
      const open = d.catchall && defOf(d.catchall).type !== 'never';
      return Object.entries(value).flatMap(([k, v]) =>
        k in shape ? undeclaredFields(shape[k], v, here(k)) : open ? undeclaredFields(d.catchall, v, here(k)) : [here(k)],
      );
    }
    default:
      return [];
  }
}
