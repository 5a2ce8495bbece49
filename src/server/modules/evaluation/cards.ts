import type { CardSource } from '../../platform/modules/manifest.js';
import { myQuestionnaires } from './queries.js';

/**
 * 民主评议 on a member's home page: while a questionnaire they are invited to is open, how many of
 * its departments they have not answered on yet — the count of the ballots 我的评议问卷 shows.
 */
export const evaluationCards: CardSource = async (db, actor) => {
  if (!actor.memberId) return [];
  const { items } = await myQuestionnaires(db, actor);
  const left = items.filter((q) => q.open).reduce((n, q) => n + q.departments.filter((d) => !d.responded).length, 0);
  return left ? [{ key: 'evaluationTodo', label: '待填写的评议问卷（部门）', section: 'todo', link: '/evaluation/questionnaires', value: left }] : [];
};
