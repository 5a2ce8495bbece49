/**
 * The service worker (/sw.js, built by the `serviceWorker` plugin in vite.config.ts): makes the
 * member pages an installable app that opens quickly and says so plainly when the phone is offline.
 * It never stores what the API answers (see route.ts): the shell, the build's hashed files, the
 * offline page and the icons only — nothing that carries anyone's data.
 *
 * The build replaces the two names below: `__SW_BUILD__` by a hash of the build (the cache is named
 * after it, so a new release starts a new cache and the old ones are deleted when it takes over),
 * `__SW_SHELL__` by the scripts and styles index.html loads (cached at install, so that the shell
 * can start offline).
 */
import { routeOf, STATIC_FILES } from './route';

declare const __SW_BUILD__: string;
declare const __SW_SHELL__: string[];

/** The parts of ServiceWorkerGlobalScope used here (the project's lib is DOM, not WebWorker). */
interface ExtendableEvent extends Event { waitUntil(p: Promise<unknown>): void }
interface FetchEvent extends ExtendableEvent { request: Request; preloadResponse: Promise<Response | undefined>; respondWith(r: Promise<Response>): void }
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  registration: { navigationPreload?: { enable(): Promise<void> } };
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (e: FetchEvent) => void): void;
}
const worker = self as unknown as WorkerScope;

const PREFIX = 'shangliang-';
const CACHE = `${PREFIX}${__SW_BUILD__}`;
const SHELL = '/index.html';
const OFFLINE = '/offline.html';

worker.addEventListener('install', (event) => {
  // the unhashed files past the browser's HTTP cache (`reload`), so they are this release's; the
  // hashed ones never change and are usually in it already, from the page that registered the worker
  const files = [...STATIC_FILES.map((url) => new Request(url, { cache: 'reload' })), ...__SW_SHELL__];
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(files)).then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    // the page load's request starts while the worker is still waking up
    await worker.registration.navigationPreload?.enable().catch(() => undefined);
    await worker.clients.claim();
  })());
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const route = routeOf({ url: request.url, method: request.method, mode: request.mode, origin: worker.location.origin });
  if (route === 'pass') return; // the browser fetches it itself; nothing is stored
  if (route === 'navigate') event.respondWith(page(event));
  else event.respondWith(kept(request, route === 'asset'));
});

/** A page: the network (or the preloaded answer); offline, the cached shell if it can start, else the offline page. */
async function page(event: FetchEvent): Promise<Response> {
  try {
    return (await event.preloadResponse) ?? (await fetch(event.request));
  } catch {
    const cache = await caches.open(CACHE);
    const shellStarts = (await Promise.all(__SW_SHELL__.map((url) => cache.match(url)))).every(Boolean);
    const fallback = (shellStarts && (await cache.match(SHELL))) || (await cache.match(OFFLINE));
    return fallback ?? Response.error();
  }
}

/** A file of the build: the cache first; a hashed file fetched for the first time is stored. */
async function kept(request: Request, store: boolean): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (store && response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}
