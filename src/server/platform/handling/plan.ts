import { handlingRoles, type HandlingRole } from '../../../shared/handling/labels.js';

export { contactMethods, contactStages, handlingRoles, ratingLabels, type HandlingRole, type RatingValue } from '../../../shared/handling/labels.js';

/** Roles whose unit sends a formal reply to the proposer; assisting/joint units send views to the lead. */
export const replyingRoles: readonly HandlingRole[] = ['sole', 'lead', 'split'];
export const supportingRoles: readonly HandlingRole[] = ['assisting', 'joint'];

export interface PlannedUnit {
  unitId: string;
  role: HandlingRole;
}

/**
 * Checks an assignment plan and returns a Chinese refusal, or null. Allowed shapes: one sole unit;
 * one lead unit with assisting or joint units; two or more split units (each replies on its part).
 */
export function planProblem(plan: PlannedUnit[]): string | null {
  if (plan.length === 0) return '请至少选择一个承办单位';
  const ids = plan.map((p) => p.unitId);
  if (new Set(ids).size !== ids.length) return '同一单位不能重复交办';
  const count = (r: HandlingRole) => plan.filter((p) => p.role === r).length;
  if (count('sole') > 0) return plan.length === 1 ? null : '单办只能交给一个单位';
  if (count('split') > 0) {
    if (count('split') !== plan.length) return '分办不能与主办、协办混用';
    return plan.length >= 2 ? null : '分办须交给两个及以上单位';
  }
  if (count('lead') !== 1) return '主办单位须有且只有一个';
  if (count('assisting') + count('joint') === 0) return '只有一个单位时请选择“单办”';
  return null;
}

/** A reply's answer class must be one of the configured classes. */
export const answerClassProblem = (code: string, classes: { code: string }[]) =>
  classes.some((c) => c.code === code) ? null : `答复类别应为：${classes.map((c) => c.code).join('、')}`;

/** Whether a reply of the class promises something by a date (列入计划), by the module's settings. */
export const isPromiseClass = (code: string, classes: { code: string; promise?: boolean }[]) => classes.some((c) => c.code === code && c.promise === true);

/**
 * What a reply of a promise class lacks — the promise and a date not before today — as field
 * issues in Chinese; none for another class (whose promise fields are dropped).
 */
export function promiseProblems(draft: { promise?: string | null; promisedBy?: string | null }, today: string) {
  const issues: { field: string; label: string; message: string }[] = [];
  if (!draft.promise || [...draft.promise.trim()].length < 4) issues.push({ field: 'promise', label: '承诺事项', message: '本类答复属承诺事项，须写明承诺做什么（至少4个字）' });
  if (!draft.promisedBy) issues.push({ field: 'promisedBy', label: '承诺完成期限', message: '本类答复属承诺事项，须写明在哪一天前完成' });
  else if (draft.promisedBy < today) issues.push({ field: 'promisedBy', label: '承诺完成期限', message: `不能早于今天（${today}）` });
  return issues;
}
