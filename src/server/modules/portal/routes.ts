import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { portalIdParams, portalListQuery } from './inputs.js';
import { portalCommittees, portalProposal, portalProposals } from './proposals.js';

const tags = ['portal'];
/** Public and unauthenticated: answered to anyone, so limited per address like the login. */
const open = { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } };

/** 公开门户: what committees publish for the public — for now, proposals with their replies. */
export async function portalRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.services.database;

  r.get('/api/portal/committees', { config: open, schema: { tags, summary: '公开门户：政协列表' } }, async () => ({ items: await portalCommittees(db) }));

  r.get('/api/portal/proposals', { config: open, schema: { querystring: portalListQuery, tags, summary: '公开门户：已公开的提案' } }, async (req) => portalProposals(db, req.query));

  r.get('/api/portal/proposals/:id', { config: open, schema: { params: portalIdParams, tags, summary: '公开门户：提案与答复' } }, async (req) => portalProposal(db, req.params.id));
}
