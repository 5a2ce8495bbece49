import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq, getTableName, ilike, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { actorOf } from '../../platform/http/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { onlyDeclared } from '../../platform/http/answers.js';
import { allowedActions, authorize, committeeSubject } from '../../platform/policy/policy.js';
import { createRecord, updateRecord } from '../../platform/records/records.js';
import { catalogs, type CatalogKind } from './catalogs.js';
import { catalogInput, catalogItemParams, catalogParams, catalogPatch, idParams, searchQuery, sessionInput, sessionPatch, termInput, termPatch } from '../../../shared/org/inputs.js';
import { orgPaths as paths } from '../../../shared/org/paths.js';
import type { Presented } from '../../../shared/http/responses.js';
import { catalogItem, catalogList, plenarySession, sessionList, term, termList } from '../../../shared/org/responses.js';
import { orgPolicy } from './policy.js';
import { plenarySessions, terms } from './schema.js';

type CatalogRow = (typeof catalogs)[CatalogKind]['table']['$inferSelect'];

const uniqueName = (table: string) => ({ [`${table}_committee_name_uq`]: { field: 'name', label: '名称' } });

function checkKind(kind: CatalogKind, value: string | null | undefined) {
  const kinds = catalogs[kind].kinds as Record<string, string>;
  if (value && Object.keys(kinds).length && !(value in kinds)) throw AppError.field('kind', '类别', `应为：${Object.values(kinds).join('、')}`);
}

function checkDates(start?: string | null, end?: string | null, label = '结束日期', field = 'endDate') {
  if (start && end && end < start) throw AppError.field(field, label, '不能早于开始日期');
}

/** A committee has one current term: marking one current un-marks the others in the same transaction. */
async function onlyOneCurrent(tx: Tx, t: typeof terms.$inferSelect) {
  if (t.current) await tx.update(terms).set({ current: false }).where(and(eq(terms.committeeId, t.committeeId), ne(terms.id, t.id)));
}

/** 组织机构: the six catalogs, terms (届) and plenary sessions (次会议). */
export async function orgRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const withActions = <T extends { committeeId: string }>(actor: ReturnType<typeof actorOf>, row: T) => ({ ...row, actions: allowedActions(orgPolicy, actor, row) });
  // each answer is the fields of the shared response schema the web reads, not its row's committee and timestamps
  const presentTerm = (actor: Actor, t: typeof terms.$inferSelect): Presented<typeof term> => onlyDeclared(term, withActions(actor, t));
  const presentSession = (actor: Actor, s: typeof plenarySessions.$inferSelect): Presented<typeof plenarySession> => onlyDeclared(plenarySession, withActions(actor, s));
  const presentItem = (actor: Actor, row: CatalogRow): Presented<typeof catalogItem> => onlyDeclared(catalogItem, withActions(actor, row));

  r.get(paths.terms, { config: { answers: { termList } }, schema: { tags: ['org'], summary: '届次列表' } }, async (req) => {
    const actor = actorOf(req);
    authorize(orgPolicy, 'read', actor, committeeSubject(actor));
    const rows = await database.db.select().from(terms).where(eq(terms.committeeId, actor.committeeId)).orderBy(asc(terms.number));
    return { items: rows.map((t) => presentTerm(actor, t)), actions: allowedActions(orgPolicy, actor, committeeSubject(actor)) };
  });

  r.post(paths.terms, { config: { answers: { term } }, schema: { body: termInput, tags: ['org'], summary: '新增届次' } }, async (req) => {
    const actor = actorOf(req);
    checkDates(req.body.startDate, req.body.endDate);
    const row = await createRecord<typeof terms.$inferSelect>(database, {
      table: terms, policy: orgPolicy, collection: orgPolicy, actor, values: req.body,
      uniqueFields: { terms_committee_number_uq: { field: 'number', label: '届次号' } },
      alsoDo: (t, { tx }) => onlyOneCurrent(tx, t),
    });
    return presentTerm(actor, row);
  });

  r.patch(paths.term, { config: { answers: { term } }, schema: { params: idParams, body: termPatch, tags: ['org'], summary: '修改届次' } }, async (req) => {
    const actor = actorOf(req);
    const { version, ...changes } = req.body;
    const row = await updateRecord<typeof terms.$inferSelect>(database, {
      table: terms, policy: orgPolicy, actor, id: req.params.id, version, changes,
      uniqueFields: { terms_committee_number_uq: { field: 'number', label: '届次号' } },
      // dates are checked on the edited record: a patch may send only one of them
      alsoDo: (t, _before, { tx }) => (checkDates(t.startDate, t.endDate), onlyOneCurrent(tx, t)),
    });
    return presentTerm(actor, row);
  });

  r.get(paths.sessions, { config: { answers: { sessionList } }, schema: { querystring: searchQuery, tags: ['org'], summary: '会议次数列表' } }, async (req) => {
    const actor = actorOf(req);
    authorize(orgPolicy, 'read', actor, committeeSubject(actor));
    const where = [eq(plenarySessions.committeeId, actor.committeeId)];
    if (req.query.termId) where.push(eq(plenarySessions.termId, req.query.termId));
    const rows = await database.db.select().from(plenarySessions).where(and(...where)).orderBy(asc(plenarySessions.year));
    return { items: rows.map((s) => presentSession(actor, s)), actions: allowedActions(orgPolicy, actor, committeeSubject(actor)) };
  });

  const sessionUnique = { sessions_term_number_uq: { field: 'number', label: '会议次数' } };
  r.post(paths.sessions, { config: { answers: { plenarySession } }, schema: { body: sessionInput, tags: ['org'], summary: '新增会议次数' } }, async (req) => {
    const actor = actorOf(req);
    checkDates(req.body.startDate, req.body.endDate, '闭幕日期');
    checkDates(req.body.proposalOpensOn, req.body.proposalClosesOn, '提案征集截止', 'proposalClosesOn');
    await ownTerm(req.body.termId, actor.committeeId);
    const row = await createRecord<typeof plenarySessions.$inferSelect>(database, { table: plenarySessions, policy: orgPolicy, collection: orgPolicy, actor, values: req.body, uniqueFields: sessionUnique });
    return presentSession(actor, row);
  });

  r.patch(paths.session, { config: { answers: { plenarySession } }, schema: { params: idParams, body: sessionPatch, tags: ['org'], summary: '修改会议次数' } }, async (req) => {
    const actor = actorOf(req);
    const { version, ...changes } = req.body;
    if (changes.termId) await ownTerm(changes.termId, actor.committeeId);
    const row = await updateRecord<typeof plenarySessions.$inferSelect>(database, {
      table: plenarySessions, policy: orgPolicy, actor, id: req.params.id, version, changes, uniqueFields: sessionUnique,
      alsoDo: async (s) => {
        checkDates(s.startDate, s.endDate, '闭幕日期');
        checkDates(s.proposalOpensOn, s.proposalClosesOn, '提案征集截止', 'proposalClosesOn');
      },
    });
    return presentSession(actor, row);
  });

  async function ownTerm(termId: string, committeeId: string) {
    const [t] = await database.db.select({ id: terms.id }).from(terms).where(and(eq(terms.id, termId), eq(terms.committeeId, committeeId)));
    if (!t) throw AppError.field('termId', '届次', '不存在');
  }

  r.get(paths.catalog, { config: { answers: { catalogList } }, schema: { params: catalogParams, querystring: searchQuery, tags: ['org'], summary: '组织目录列表' } }, async (req): Promise<Presented<typeof catalogList>> => {
    const actor = actorOf(req);
    authorize(orgPolicy, 'read', actor, committeeSubject(actor));
    const { table } = catalogs[req.params.kind];
    const where = [eq(table.committeeId, actor.committeeId)];
    if (req.query.q) where.push(ilike(table.name, `%${req.query.q}%`));
    const rows = await database.db.select().from(table).where(and(...where)).orderBy(asc(table.sortOrder), asc(table.name));
    return { items: rows.map((row) => presentItem(actor, row)), kinds: catalogs[req.params.kind].kinds, actions: allowedActions(orgPolicy, actor, committeeSubject(actor)) };
  });

  r.post(paths.catalog, { config: { answers: { catalogItem } }, schema: { params: catalogParams, body: catalogInput, tags: ['org'], summary: '新增组织目录项' } }, async (req) => {
    const actor = actorOf(req);
    const { kind } = req.params;
    checkKind(kind, req.body.kind);
    const { table } = catalogs[kind];
    const row = await createRecord<typeof table.$inferSelect>(database, { table, policy: orgPolicy, collection: orgPolicy, actor, values: req.body, uniqueFields: uniqueName(getTableName(table)) });
    return presentItem(actor, row);
  });

  r.patch(paths.catalogItem, { config: { answers: { catalogItem } }, schema: { params: catalogItemParams, body: catalogPatch, tags: ['org'], summary: '修改组织目录项' } }, async (req) => {
    const actor = actorOf(req);
    const { kind, id } = req.params;
    checkKind(kind, req.body.kind);
    const { table } = catalogs[kind];
    const { version, ...changes } = req.body;
    const row = await updateRecord<typeof table.$inferSelect>(database, { table, policy: orgPolicy, actor, id: id!, version, changes, uniqueFields: uniqueName(getTableName(table)) });
    return presentItem(actor, row);
  });
}
