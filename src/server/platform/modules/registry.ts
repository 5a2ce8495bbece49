import type { Config } from '../../config.js';
import type { AuditSubject } from '../audit/names.js';
import type { HandlingPort } from '../handling/ports.js';
import type { JobDefinition } from '../jobs/runner.js';
import type { CapabilityCheck } from '../navigation/capabilities.js';
import type { SettingsManifest } from '../settings/settings.js';
import type { CardSource, CliCommand, CockpitSource, LedgerSourceReader, ModuleManifest, PortalSource, PublicSearchSource, SummarySource } from './manifest.js';

/** The parts of every module of the list, gathered once and looked up by name. */
export interface ModuleRegistry {
  modules: readonly ModuleManifest[];
  ports: ReadonlyMap<string, HandlingPort>;
  settings: ReadonlyMap<string, SettingsManifest<any>>;
  cli: ReadonlyMap<string, CliCommand>;
  capabilities: ReadonlyMap<string, CapabilityCheck>;
  auditSubjects: ReadonlyMap<string, AuditSubject>;
  ledgerSources: ReadonlyMap<string, LedgerSourceReader>;
  cards: readonly CardSource[];
  summaries: readonly SummarySource[];
  /** the portal home's sections, in their order */
  portalSections: readonly PortalSource[];
  /** what the portal's search finds, kind by kind */
  publicSearch: readonly PublicSearchSource[];
  cockpits: readonly CockpitSource[];
  jobs(config: Config): JobDefinition[];
}

/** Adds each [key, value] to a map, refusing a key two modules both claim (a start-up error, not a silent overwrite). */
function collect<T>(what: string, modules: readonly ModuleManifest[], entries: (m: ModuleManifest) => [string, T][]): Map<string, T> {
  const map = new Map<string, T>();
  const owner = new Map<string, string>();
  for (const m of modules) {
    for (const [key, value] of entries(m)) {
      if (owner.has(key)) throw new Error(`${what} “${key}” is declared by both ${owner.get(key)} and ${m.name}`);
      owner.set(key, m.name);
      map.set(key, value);
    }
  }
  return map;
}

/** Gathers the list's routes, ports, settings, commands, jobs, capabilities, cards, audit subjects and ledger sources. */
export function moduleRegistry(modules: readonly ModuleManifest[]): ModuleRegistry {
  collect('module', modules, (m) => [[m.name, m]]);
  return {
    modules,
    ports: collect('handling port', modules, (m) => (m.ports ?? []).map((p) => [p.type, p])),
    settings: collect('settings', modules, (m) => (m.settings ?? []).map((s) => [s.module, s])),
    cli: collect('command', modules, (m) => Object.entries(m.cli ?? {})),
    capabilities: collect('capability', modules, (m) => Object.entries(m.capabilities ?? {})),
    auditSubjects: collect('audit subject', modules, (m) => Object.entries(m.auditSubjects ?? {})),
    ledgerSources: collect('ledger source', modules, (m) => Object.entries(m.ledgerSources ?? {})),
    cards: modules.flatMap((m) => m.cards ?? []),
    summaries: modules.flatMap((m) => (m.summary ? [m.summary] : [])),
    portalSections: modules.flatMap((m) => (m.portal ? [m.portal].flat() : [])).sort((a, b) => a.order - b.order),
    publicSearch: modules.flatMap((m) => (m.publicSearch ? [m.publicSearch].flat() : [])),
    cockpits: modules.flatMap((m) => (m.cockpit ? [m.cockpit] : [])),
    jobs: (config) => [...collect('job', modules, (m) => (m.jobs?.(config) ?? []).map((j) => [j.name, j])).values()],
  };
}
