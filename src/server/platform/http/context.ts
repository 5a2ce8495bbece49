import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.js';
import type { Config } from '../../config.js';
import type { Actor } from '../auth/actor.js';
import type { SessionContext } from '../auth/sessions.js';
import { AppError } from '../errors.js';
import type { Answer } from './answers.js';
import { chinaToday } from '../calendar/workdays.js';
import type { CommandContext } from '../commands/context.js';
import type { Metrics } from '../metrics/metrics.js';
import type { ModuleRegistry } from '../modules/registry.js';

/** What every route handler can reach: the database, configuration and a clock tests can move. */
export interface Services {
  database: Database;
  config: Config;
  now: () => Date;
  /** the secret `cli backup` presents to /ops/backup (written into the data folder's lock file); none on PostgreSQL */
  opsToken?: string;
  /** this app's Prometheus metrics (GET /metrics) */
  metrics: Metrics;
  /** the parts of every module of modules/index.ts: settings, handling ports, capabilities, cards, audit subjects */
  modules: ModuleRegistry;
}

/** A registered API route with its zod schemas (body, querystring, params). */
export interface RouteInfo {
  method: string;
  url: string;
  public: boolean;
  schema?: { body?: unknown; querystring?: unknown; params?: unknown };
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    routeTable: RouteInfo[];
  }
  interface FastifyRequest {
    session: SessionContext | null;
  }
  interface FastifyContextConfig {
    /** true: reachable without logging in (login, health, portal) */
    public?: boolean;
    /** what it answers, for the API document: `{ proposalDetail }`, a download kind, or 'none' (answers.ts) */
    answers?: Answer;
  }
}

/** The logged-in actor, or 401. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('unauthenticated', '请先登录');
  return request.session.actor;
}

/** The logged-in actor's command context: the app's database, the actor (or 401), today by the app's clock. */
export function contextOf(request: FastifyRequest): CommandContext {
  const { database } = request.server.services;
  const now = request.server.services.now();
  return { database, actor: actorOf(request), today: chinaToday(now), now };
}
