import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.js';
import type { Database, Executor } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { AuditSubject } from '../audit/names.js';
import type { HandlingPort } from '../handling/ports.js';
import type { JobDefinition } from '../jobs/runner.js';
import type { CapabilityCheck } from '../navigation/capabilities.js';
import type { SettingsManifest } from '../settings/settings.js';
import type { HomeCard } from '../../../shared/home/cards.js';
import type { SummarySection } from '../../../shared/summary/report.js';
import type { PortalSearchItem, PortalSection } from '../../../shared/portal/responses.js';
import type { IndexSource } from '../text/synced-index.js';
import type { CockpitChart } from '../../../shared/cockpit/cockpit.js';

/** `npm run cli -- <name> …`: returns the exit code (nothing = 0). */
export interface CliCommand {
  usage: string;
  run(database: Database, args: string[]): Promise<number | void>;
}

/** A home-page figure (GET /api/dashboard): its count, the list it counts and its parts (src/shared/home). */
export type Card = HomeCard;
/** A module's home-page figures for the roles it concerns (none for the others), as of the app's clock `now`. */
export type CardSource = (db: Executor, actor: Actor, now: Date) => Promise<Card[]>;

/**
 * Everything a module plugs into the application, in one value. The app, the command line and the
 * scheduler read the list of these in modules/index.ts — nothing is registered by importing a file.
 *
 * @example
 * export const opinionsModule = defineModule({
 *   name: 'opinions', label: '社情民意',
 *   routes: [opinionRoutes], ports: [opinionPort], settings: [opinionSettings],
 *   auditSubjects: { opinion: namedAuditSubject(opinions, [opinions.title], ([t]) => `《${t}》`) },
 * });
 */
export interface ModuleManifest {
  /** code name, e.g. `proposals` */
  name: string;
  /** Chinese name, e.g. 提案 */
  label: string;
  /** Fastify plugins under /api, registered in this order (after the modules before it in the list) */
  routes?: FastifyPluginAsync[];
  /** how the handling primitive sees each type this module sends to units (one port per type) */
  ports?: HandlingPort[];
  /** the module's configurable rules, each shown on the admin's settings page */
  settings?: SettingsManifest<any>[];
  /** administrator commands, by name */
  cli?: Record<string, CliCommand>;
  /** periodic jobs (each run once per period across every process; see platform/jobs/runner.ts) */
  jobs?: (config: Config) => JobDefinition[];
  /** what the menu needs to know beyond roles (web `NavItem.capability`), by name */
  capabilities?: Record<string, CapabilityCheck>;
  /** home-page figures */
  cards?: CardSource[];
  /** how the audit trail names this module's records, by audit subject type */
  auditSubjects?: Record<string, AuditSubject>;
  /**
   * Which of this module's records a viewer of a member's performance record may open, by the
   * ledger entries' `sourceType`; the others are shown without their id or link. A type no module
   * names is open to everyone who reads the record (meetings, proposals, outreach).
   */
  ledgerSources?: Record<string, LedgerSourceReader>;
  /** its part of the yearly work report (年度工作报告), counted from its records */
  summary?: SummarySource;
  /**
   * its charts on the leaders' cockpit (驾驶舱, `modules/cockpit`) where the summary's figures are not
   * enough (breakdowns by state, unit, kind): each a total made of parts, each linking to its list
   */
  cockpit?: CockpitSource;
  /** its sections of the public portal's home (one, or one per column): only what staff published, nothing personal */
  portal?: PortalSource | readonly PortalSource[];
  /** what the portal's search (公开门户搜索) finds of its published records */
  publicSearch?: PublicSearchSource | readonly PublicSearchSource[];
}

/**
 * A kind of published record the portal's search finds. The portal keeps one similarity index per
 * source (the jieba-aware finder the proposals use), whose `document` returns null for anything not
 * published; `present` reads the found records again, as published, and leaves out any that no
 * longer are. Like a portal section: never a name, phone or id of a person who did not publish.
 */
export interface PublicSearchSource {
  kind: string;
  /** the kind in Chinese, e.g. 公开提案 */
  label: string;
  source: IndexSource<any>;
  /** `words` are what was searched for (queryWords): the excerpt shows the text around them */
  present(db: Executor, ids: string[], words: readonly string[]): Promise<PortalSearchItem[]>;
}

/**
 * A module's section of a committee's public home page (no sign-in). `order` places it among the
 * others (lower first); `load` reads only published records and never a name, phone or id of a person.
 */
export interface PortalSource {
  order: number;
  load(db: Executor, committeeId: string, today: string): Promise<PortalSection>;
}

/** A module's cockpit charts of a committee's year, with `today` and `now` (the app's clock) for what is overdue or recomputed. */
export type CockpitSource = (db: Executor, committeeId: string, year: number, today: string, now: Date) => Promise<CockpitChart[]>;

/** A module's section of the yearly work report of a committee. */
export type SummarySource = (db: Executor, committeeId: string, year: number) => Promise<SummarySection>;

/** The ids, of those asked, of the records the viewer may open. */
export type LedgerSourceReader = (db: Executor, viewer: Actor, ids: string[]) => Promise<Set<string>>;

/** Identity with a type: a module's manifest, checked by the compiler. */
export const defineModule = (m: ModuleManifest): ModuleManifest => m;
