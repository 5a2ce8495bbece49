import { LogController, type FastifyServerOptions } from 'fastify';
import { REDACTED, redactError } from '../secrets.js';

/** Query parameters whose values are secrets (check-in tokens, reset codes): logged as [redacted]. */
const SECRET_PARAM = /token|password|passwd|secret|code|session|csrf|key/i;

/** A request's URL with secret query values replaced, for the log. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const k of [...params.keys()]) if (SECRET_PARAM.test(k)) params.set(k, '[redacted]');
  return `${url.slice(0, q)}?${params.toString()}`;
}

/**
 * Structured JSON logs (pino, one object per line) that never carry a secret: no cookie, session,
 * CSRF or authorization header, no request body (passwords), secret query values masked, and the
 * fields of logged errors that hold tokens or hashes masked too.
 */
export function logOptions(stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level: process.env.LOG_LEVEL ?? 'info',
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]',
        '*.password', '*.passwordHash', '*.password_hash', '*.token', '*.csrfToken', '*.opsToken', 'err.params', 'err.query',
      ],
      censor: REDACTED,
    },
    serializers: {
      // an error without a failed query's parameters or anything shaped like a secret (secrets.ts)
      err: ((err: unknown) => redactError(err)) as never,
      req: (req) => ({ method: req.method, url: redactUrl(req.url), route: req.routeOptions?.url, remoteAddress: req.ip }),
    },
  };
}

/**
 * One log line per request, written when it is answered and carrying the request too, instead of
 * Fastify's two (incoming, completed): the log is written synchronously, and under load its writes
 * were the largest single cost of a request. Errors are logged as before.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: any, reply: any) {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
