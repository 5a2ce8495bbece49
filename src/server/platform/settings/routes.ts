import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { actorOf } from '../http/context.js';
import { fieldIssues } from '../http/validation.js';
import { allowedActions, authorize, can, committeeSubject, definePolicy, type CommitteeScope } from '../policy/policy.js';
import type { Actor } from '../auth/actor.js';
import { moduleSettings } from './schema.js';
import { getSettings, storedSettings, type SettingsKeeper } from './settings.js';
import { settingsParams as params, settingsSave, settingsYear as query } from '../../../shared/settings/inputs.js';
import { settingsPaths as paths } from '../../../shared/settings/paths.js';
import type { Presented } from '../../../shared/http/responses.js';
import { moduleSettings as moduleSettingsAnswer, settingsModules } from '../../../shared/settings/responses.js';

/**
 * Settings are read by everyone of the committee (they decide deadlines people see) and kept by
 * admins — except the rules a module gives to the security auditor (the audit trail's retention),
 * which the auditor alone reads and changes among the 三员.
 */
type SettingsScope = CommitteeScope & { keptBy: SettingsKeeper };
export const settingsPolicy = definePolicy<SettingsScope, 'read' | 'update'>('settings', '配置', {
  read: [{ roles: ['admin', 'staff', 'leader', 'member', 'unit'] }, { roles: ['auditor'], when: (_, s) => s.keptBy === 'auditor' }],
  update: [{ roles: ['admin'], when: (_, s) => s.keptBy === 'admin' }, { roles: ['auditor'], when: (_, s) => s.keptBy === 'auditor' }],
});
const scopeOf = (actor: Actor, m: { keptBy?: SettingsKeeper }): SettingsScope => ({ ...committeeSubject(actor), keptBy: m.keptBy ?? 'admin' });

export async function settingsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.services.database;
  const manifests = app.services.modules.settings;
  const manifestOf = (module: string) => {
    const m = manifests.get(module);
    if (!m) throw AppError.notFound('配置');
    return m;
  };
  type Manifest = ReturnType<typeof manifestOf>;
  /** a module's rules for a year as its form reads them: what a read answers, and a save (with the new version) */
  const present = async (actor: Actor, m: Manifest, year: number): Promise<Presented<typeof moduleSettingsAnswer>> => {
    const stored = await storedSettings(db, m.module, actor.committeeId, year);
    return {
      module: m.module, label: m.label, year,
      values: await getSettings(db, m, actor.committeeId, year),
      defaults: m.defaults, version: stored?.version ?? 0, keptBy: m.keptBy ?? 'admin',
      // the form is drawn from the same schema that validates the save, labels included
      schema: z.toJSONSchema(m.schema, { unrepresentable: 'any' }),
      actions: allowedActions(settingsPolicy, actor, scopeOf(actor, m)),
    };
  };

  r.get(paths.list, { config: { answers: { settingsModules } }, schema: { tags: ['settings'], summary: '可配置的模块' } }, async (req): Promise<Presented<typeof settingsModules>> => {
    const actor = actorOf(req);
    const readable = [...manifests.values()].filter((m) => can(settingsPolicy, 'read', actor, scopeOf(actor, m)));
    if (readable.length === 0) throw AppError.notFound('配置');
    return { items: readable.map((m) => ({ module: m.module, label: m.label })), actions: allowedActions(settingsPolicy, actor, scopeOf(actor, {})) };
  });

  r.get(paths.module, { config: { answers: { moduleSettings: moduleSettingsAnswer } }, schema: { params, querystring: query, tags: ['settings'], summary: '模块配置' } }, async (req): Promise<Presented<typeof moduleSettingsAnswer>> => {
    const actor = actorOf(req);
    const m = manifestOf(req.params.module);
    authorize(settingsPolicy, 'read', actor, scopeOf(actor, m));
    return present(actor, m, req.query.year);
  });

  r.put(
    paths.module,
    { config: { answers: { moduleSettings: moduleSettingsAnswer } }, schema: { params, querystring: query, body: settingsSave, tags: ['settings'], summary: '修改模块配置（答复保存后的配置及其新版本）' } },
    async (req): Promise<Presented<typeof moduleSettingsAnswer>> => {
      const actor = actorOf(req);
      const m = manifestOf(req.params.module);
      authorize(settingsPolicy, 'update', actor, scopeOf(actor, m));
      const parsed = m.schema.partial().strict().safeParse(req.body.values);
      if (!parsed.success) throw AppError.validation(fieldIssues(m.schema, parsed.error.issues).map((f) => ({ ...f, field: `values.${f.field}` })));
      const year = req.query.year;
      await db.transaction(async (tx) => {
        const stored = await storedSettings(tx, m.module, actor.committeeId, year);
        if ((stored?.version ?? 0) !== req.body.version) throw AppError.versionConflict();
        if (stored) {
          const updated = await tx
            .update(moduleSettings)
            .set({ values: parsed.data, version: stored.version + 1, updatedAt: new Date() })
            .where(and(eq(moduleSettings.committeeId, actor.committeeId), eq(moduleSettings.module, m.module), eq(moduleSettings.year, year), eq(moduleSettings.version, stored.version)))
            .returning();
          if (updated.length === 0) throw AppError.versionConflict();
        } else await tx.insert(moduleSettings).values({ committeeId: actor.committeeId, module: m.module, year, values: parsed.data });
        await audit(tx, actor, { action: 'settings.update', subjectType: 'settings', subjectId: `${m.module}:${year}`, before: stored?.values, after: parsed.data });
      });
      return present(actor, m, year);
    },
  );
}
