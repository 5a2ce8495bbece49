import type { Executor } from '../../db/client.js';
import type { Actor, Office } from '../auth/actor.js';
import type { UnitOfWork } from '../jobs/after-commit.js';
import type { Period } from '../calendar/workdays.js';

/**
 * What the handling primitive needs to know about the thing being handled. Each module that sends
 * work to units (proposals, supervision, opinion reports…) names one port per type in its manifest
 * (`defineModule({ ports })`).
 */
export interface HandlingPort {
  type: string;
  /** Chinese name, e.g. 提案 */
  label: string;
  /** the staff office that oversees handling of this subject type */
  office: Office;
  load(db: Executor, id: string): Promise<HandlingSubject | null>;
  /**
   * every replying unit of the round has sent its reply: applies the subject's own `allReplied`
   * transition (its table, version check and audit row) in the sending unit's transaction; `today`
   * is the app's clock
   */
  onAllReplied(uow: UnitOfWork, actor: Actor, subjectId: string, today: string): Promise<void>;
  /** link shown in notifications, e.g. /proposals/<id> */
  link(id: string): string;
  /** the configured periods and classes for this subject (per committee and year) */
  rules(db: Executor, subject: HandlingSubject): Promise<HandlingRules>;
}

export interface HandlingRules {
  objectionPeriod: Period;
  replyPeriod: Period;
  rehandlePeriod: Period;
  maxExtensionWorkdays: number;
  /** remind the unit this many working days before the reply deadline */
  remindWorkdaysBefore: number;
  /** `promise`: a reply of the class promises something by a date (列入计划), recorded as kept or not later */
  answerClasses: { code: string; label: string; promise?: boolean }[];
}

export interface HandlingSubject {
  id: string;
  committeeId: string;
  title: string;
  /** current handling round (1, or 2 after a 不满意 rating) */
  round: number;
  /** units may act (sign, reply…) only while the subject is being handled */
  open: boolean;
  year: number;
  /** the members on the proposer's side, who may log their own contacts with the units (办中协商) */
  authorMemberIds: string[];
}

/**
 * The port of a handled type, from the module list. The list is imported when first asked, not at
 * load time: it imports every module, and every handling module imports this primitive.
 */
export async function portOf(type: string): Promise<HandlingPort> {
  const { registry } = await import('../../modules/index.js');
  const port = registry.ports.get(type);
  if (!port) throw new Error(`no handling port for ${type}`);
  return port;
}
