import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Pages a search engine may list: the public portal. Everything else is the staff and member app. */
const indexable = (url: string) => url === '/portal' || url.startsWith('/portal/') || url.startsWith('/portal?');

/**
 * Caching as a production server does it: the build names every file under /assets/ by a hash of
 * its content, so it never changes and is kept for a year; anything else (index.html, robots.txt)
 * is asked again each time, so that a new release is seen at once.
 */
function cacheHeaders(reply: FastifyReply, file: string) {
  const hashed = /[\\/]assets[\\/][^\\/]+$/.test(file);
  reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/** The app shell for a client-side route, marked unlisted unless it is the public portal. */
export function sendShell(reply: FastifyReply, url: string) {
  if (!indexable(url)) reply.header('x-robots-tag', 'noindex, nofollow');
  return reply.sendFile('index.html');
}

/**
 * Serves the built web client (dist/web): brotli or gzip files written next to each asset at build
 * time (vite.config.ts) are sent to browsers that accept them, with the cache headers above.
 */
export async function registerWebClient(app: FastifyInstance, webDir: string) {
  if (!existsSync(webDir)) return;
  await app.register(fastifyStatic, {
    root: webDir, prefix: '/', wildcard: false, index: false,
    preCompressed: true, cacheControl: false, setHeaders: cacheHeaders,
  });
  // the root path is a client-side route like any other
  app.get('/', { config: { public: true }, schema: { hide: true } }, (req, reply) => sendShell(reply, req.url));
}

export const hasWebClient = (webDir: string) => existsSync(path.join(webDir, 'index.html'));
