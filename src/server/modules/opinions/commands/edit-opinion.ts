import type { Database } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Policy } from '../../../platform/policy/policy.js';
import { updateRecord } from '../../../platform/records/records.js';
import { addRevision } from '../committees.js';
import { opinionSubjectOf } from '../load.js';
import { opinionPolicy } from '../policy.js';
import { opinions } from '../schema.js';
import type { Opinion } from '../workflow.js';
import { checkText } from './draft-opinion.js';

/**
 * 编辑: the information office edits a report's text. The original and every earlier text stay in
 * the revisions table; each edit adds the new text as the next revision, in the same transaction.
 */
export async function editOpinion(database: Database, actor: Actor, id: string, version: number, e: { title: string; body: string; note?: string }, year: number) {
  await checkText(database.db, actor.committeeId, year, { body: e.body });
  return updateRecord<Opinion>(database, {
    table: opinions, policy: opinionPolicy as unknown as Policy<Opinion, string>, subjectOf: opinionSubjectOf, actor, id, version, action: 'edit',
    changes: { title: e.title, body: e.body },
    alsoDo: async (o, _before, uow) => addRevision(uow.tx, o, actor, e.note ?? '编辑修改'),
  });
}
