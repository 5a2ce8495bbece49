import Fastify, { type FastifyInstance } from 'fastify';
import { OneLinePerRequest } from './platform/http/log-options.js';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { openapiComponents, openapiTransform, openapiTransformObject } from './platform/http/openapi.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { RouteInfo, Services } from './platform/http/context.js';
import { health } from '../shared/http/responses.js';
import { sendError } from './platform/http/error-handler.js';
import { zodValidator } from './platform/http/validator.js';
import { registerAuthHook } from './platform/http/auth-hook.js';
import { registry } from './modules/index.js';
import { opsRoutes } from './platform/ops/routes.js';
import { createMetrics } from './platform/metrics/metrics.js';
import { logOptions } from './platform/http/log-options.js';
import { hasWebClient, registerWebClient, sendShell } from './platform/http/web-client.js';

export interface AppOptions {
  database: Database;
  config: Config;
  now?: () => Date;
  logger?: boolean;
  /** see Services.opsToken */
  opsToken?: string;
  /** where the JSON log lines go (tests read them); standard output by default */
  logStream?: { write(line: string): void };
}

/** Builds the HTTP application: platform plugins, then every module's routes (see modules/index.ts). */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger || opts.logStream ? logOptions(opts.logStream) : false,
    logController: new OneLinePerRequest(),
    bodyLimit: 2 * 1024 * 1024,
    // X-Forwarded-For is believed only from the configured proxies: trusting everyone would let any
    // client pick its own address and step around the per-address login rate limit
    trustProxy: opts.config.trustProxy,
    ajv: undefined,
    // errors the router raises before any route (a malformed or overlong address) answer like ours
    frameworkErrors: (err, req, reply) => sendError(err, req, reply),
  });
  const services: Services = { database: opts.database, config: opts.config, now: opts.now ?? (() => new Date()), opsToken: opts.opsToken, metrics: createMetrics(opts.database), modules: registry };
  app.decorate('services', services);
  services.metrics.instrument(app);
  app.setValidatorCompiler(zodValidator);
  app.setErrorHandler((err, req, reply) => sendError(err as Error, req, reply));
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWebClient(opts.config.webDir)) {
      return reply.status(404).send({ code: 'not_found', message: '请求的地址不存在' });
    }
    return sendShell(reply, req.url); // client-side routes
  });

  await app.register(cookie);
  await app.register(helmet, {
    frameguard: { action: 'deny' }, // the same as frame-ancestors 'none', for browsers without CSP 2
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // antd injects its CSS-in-JS at run time
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        // the installable app: its manifest and its service worker (/sw.js), from this server only
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // only behind HTTPS: on plain HTTP it would send the browser to a port that does not answer
        upgradeInsecureRequests: opts.config.secureCookies ? [] : null,
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 5 } });
  await app.register(swagger, {
    openapi: { info: { title: '商量 Shangliang API', description: '政协数字化工作平台接口', version: '0.1.0' }, servers: [{ url: '/', description: '本服务器' }], components: openapiComponents as any },
    transform: openapiTransform,
    transformObject: openapiTransformObject as any,
  });
  // the API documentation is public, like the portal
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), public: true } as any;
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  registerAuthHook(app);
  // every API route, as registered: the authorisation matrix and the fuzzer are generated from it
  const routeTable: RouteInfo[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routeTable.push({ method, url: route.url, public: (route.config as any)?.public === true, schema: route.schema as RouteInfo['schema'] });
    }
  });

  app.get('/api/health', { config: { public: true, answers: { health } }, schema: { tags: ['platform'], summary: '健康检查' } }, async () => {
    await opts.database.query('select 1');
    return { status: 'ok', db: opts.database.kind };
  });

  // every module's routes, in the order of the list (modules/index.ts)
  for (const m of registry.modules) for (const routes of m.routes ?? []) await app.register(routes);
  await app.register(opsRoutes);

  await registerWebClient(app, opts.config.webDir);
  return app;
}
