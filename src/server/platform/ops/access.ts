import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * A request straight from this host: the socket's peer is loopback and no proxy forwarded it
 * (a reverse proxy on the same host connects from loopback too, but adds X-Forwarded-For).
 */
export function fromLoopback(req: FastifyRequest): boolean {
  return LOOPBACK.test(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined && req.headers.forwarded === undefined;
}

/** Whether the request carries `token` as a bearer token (compared in constant time). */
export function hasToken(req: FastifyRequest, token: string | undefined): boolean {
  if (!token) return false;
  const sent = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  return sent.length === token.length && timingSafeEqual(Buffer.from(sent), Buffer.from(token));
}
