import type { CommandContext } from '../../../platform/commands/context.js';
import { updateRecord } from '../../../platform/records/records.js';
import { addRevision } from '../committees.js';
import { opinionSubjectOf } from '../load.js';
import { opinionPolicy, type OpinionSubject } from '../policy.js';
import { opinions } from '../schema.js';
import type { Opinion } from '../workflow.js';
import { checkText } from './draft-opinion.js';

/**
 * 编辑: the information office edits a report's text. The original and every earlier text stay in
 * the revisions table; each edit adds the new text as the next revision, in the same transaction.
 */
export async function editOpinion({ database, actor, today }: CommandContext, { id, version, ...e }: { id: string; version: number; title: string; body: string; note?: string }) {
  await checkText(database.db, actor.committeeId, Number(today.slice(0, 4)), { body: e.body });
  return updateRecord<Opinion, OpinionSubject>(database, {
    table: opinions, policy: opinionPolicy, subjectOf: opinionSubjectOf, actor, id, version, action: 'edit',
    changes: { title: e.title, body: e.body },
    alsoDo: async (o, _before, uow) => addRevision(uow.tx, o, actor, e.note ?? '编辑修改'),
  });
}
