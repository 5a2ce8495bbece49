/**
 * Route paths, written once: the server registers each path of a module's table and the web fills
 * the same path to build its URL, so neither side spells a server path by hand.
 *
 * @example pathTo(proposalPaths.action, { id, action: 'submit' }) // → '/api/proposals/…/actions/submit'
 */

/** The `:name` parameters of a path such as '/api/proposals/:id/actions/:action'. */
type ParamsOf<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamsOf<`/${Rest}`>
  : P extends `${string}:${infer Name}.${infer Rest}`
    ? Name | ParamsOf<`.${Rest}`>
    : P extends `${string}:${infer Name}`
      ? Name
      : never;

export type PathParams<P extends string> = Record<ParamsOf<P>, string | number>;

/** Fills the `:name` parameters of `path`, each value URL-encoded. */
export function pathTo<P extends string>(path: P, ...params: ParamsOf<P> extends never ? [] : [PathParams<P>]): string {
  const values = (params[0] ?? {}) as Record<string, string | number>;
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (values[name] === undefined) throw new Error(`pathTo: ${path} needs :${name}`);
    return encodeURIComponent(String(values[name]));
  });
}

/** Builds `?a=1&b=2`, leaving out empty values. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
