import { z } from 'zod';
import type { Wire } from '../http/responses.js';

/** What the server answers about settings. */

/** The modules that have settings, and whether the reader may change them ('update'). */
export const settingsModules = z.object({ items: z.array(z.object({ module: z.string(), label: z.string() })), actions: z.array(z.string()) });
export type SettingsModules = Wire<typeof settingsModules>;

/** One module's rules for a year: the values in force, the defaults and the JSON Schema the form is drawn from (labels included). */
export const moduleSettings = z.object({
  module: z.string(),
  label: z.string(),
  year: z.number(),
  values: z.record(z.string(), z.unknown()),
  defaults: z.record(z.string(), z.unknown()),
  /** 0 while nothing is stored for the year */
  version: z.number(),
  /** who changes these rules: the system admin, or the security auditor (the audit trail's own rules) */
  keptBy: z.enum(['admin', 'auditor']),
  schema: z.record(z.string(), z.unknown()),
  actions: z.array(z.string()),
});
export type ModuleSettings = Wire<typeof moduleSettings>;
