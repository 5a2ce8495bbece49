import { describe, expect, it } from 'vitest';
import { planProblem, type PlannedUnit } from './plan.js';

const u = (unitId: string, role: PlannedUnit['role']): PlannedUnit => ({ unitId, role });

describe('assignment plans (交办方式)', () => {
  it.each([
    ['one sole unit', [u('a', 'sole')], null],
    ['lead with assisting', [u('a', 'lead'), u('b', 'assisting')], null],
    ['lead with joint and assisting', [u('a', 'lead'), u('b', 'joint'), u('c', 'assisting')], null],
    ['two split units', [u('a', 'split'), u('b', 'split')], null],
    ['nothing', [], '请至少选择一个承办单位'],
    ['sole with another', [u('a', 'sole'), u('b', 'assisting')], '单办只能交给一个单位'],
    ['two leads', [u('a', 'lead'), u('b', 'lead'), u('c', 'assisting')], '主办单位须有且只有一个'],
    ['assisting without lead', [u('a', 'assisting'), u('b', 'assisting')], '主办单位须有且只有一个'],
    ['lead alone', [u('a', 'lead')], '只有一个单位时请选择“单办”'],
    ['one split', [u('a', 'split')], '分办须交给两个及以上单位'],
    ['split mixed with lead', [u('a', 'split'), u('b', 'lead')], '分办不能与主办、协办混用'],
    ['same unit twice', [u('a', 'lead'), u('a', 'assisting')], '同一单位不能重复交办'],
  ])('%s', (_name, plan, expected) => {
    expect(planProblem(plan as PlannedUnit[])).toBe(expected);
  });
});
