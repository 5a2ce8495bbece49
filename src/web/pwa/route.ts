/**
 * What the service worker (sw.ts) does with a request. Kept pure so the rule that matters most —
 * nothing from the API, nor anything else that may carry personal data, ever goes into the cache —
 * is tested without a browser (route.test.ts).
 *
 * - `pass`: not touched at all; the browser fetches it as if there were no worker (the API, other
 *   origins, writes, the server's own pages such as /ops and /metrics, anything unknown)
 * - `asset`: a file of the build under /assets/, named by a hash of its content, so it never
 *   changes: served from the cache, fetched and stored on first use
 * - `static`: one of the files cached when the worker was installed (offline page, icons, manifest):
 *   from the cache, else the network
 * - `navigate`: a page of the app: the network first; offline, the cached app shell (or the
 *   offline page when the shell cannot start)
 *
 * @example routeOf({ url: 'https://x.gov.cn/api/auth/me', method: 'GET', mode: 'cors', origin: 'https://x.gov.cn' }) // 'pass'
 */
export type Route = 'pass' | 'asset' | 'static' | 'navigate';

/** Files the worker caches when it is installed, besides the shell's own scripts and styles. */
export const STATIC_FILES = ['/index.html', '/offline.html', '/offline.js', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon-maskable-512.png', '/icons/apple-touch-icon.png'];

/** Paths of the server itself, never the web app's: answered by the network alone, never cached. */
const SERVER_PATHS = /^\/(api|ops|metrics|sw\.js)(\/|$|\?)/;

export interface RequestFacts {
  url: string;
  method: string;
  /** Request.mode: 'navigate' for a page load */
  mode: string;
  /** the worker's own origin */
  origin: string;
}

export function routeOf({ url, method, mode, origin }: RequestFacts): Route {
  if (method !== 'GET') return 'pass';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'pass';
  }
  if (u.origin !== origin) return 'pass';
  if (SERVER_PATHS.test(u.pathname)) return 'pass';
  if (mode === 'navigate') return 'navigate';
  // a hashed file has no query string; one with a query is not ours to keep
  if (u.pathname.startsWith('/assets/') && !u.search) return 'asset';
  if (STATIC_FILES.includes(u.pathname) && !u.search) return 'static';
  return 'pass';
}
