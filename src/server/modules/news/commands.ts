import type { z } from 'zod';
import type { newsDraft, newsPatch } from '../../../shared/news/inputs.js';
import type { CommandContext } from '../../platform/commands/context.js';
import { attachmentCommands } from '../../platform/attachments/commands.js';
import { createRecord, loadRecord, updateRecord } from '../../platform/records/records.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { newsCollectionPolicy, newsPolicy, type NewsPostRow } from './policy.js';
import { newsPosts } from './schema.js';

export const loadPost = (db: Executor, actor: Actor, id: string) => loadRecord<NewsPostRow>(db, newsPosts, id, actor, newsPolicy);

/** Files of a post (the notice's forms, a photo of the meeting): attached while the office may edit it, published with it. */
export const newsFiles = attachmentCommands({
  type: 'newsPost',
  label: '每篇新闻公告',
  table: newsPosts,
  load: loadPost,
  subjectOf: async (_tx, row: NewsPostRow) => row,
  policy: newsPolicy,
});

/** 撰写: a draft, seen by the office and leaders only until it is published. */
export async function createPost({ database, actor }: CommandContext, input: z.output<typeof newsDraft>): Promise<NewsPostRow> {
  return createRecord<NewsPostRow>(database, {
    table: newsPosts, policy: newsPolicy, collection: newsCollectionPolicy, actor,
    values: { ...input, status: 'draft', createdByUserId: actor.userId },
  });
}

/** Edits a post; a published one changes on the portal at once (the audit row keeps what it said before). */
export async function updatePost({ database, actor }: CommandContext, { id, version, ...changes }: z.output<typeof newsPatch> & { id: string }): Promise<NewsPostRow> {
  const clean = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  return updateRecord<NewsPostRow>(database, { table: newsPosts, policy: newsPolicy, actor, id, version, changes: clean });
}

/**
 * 发布: on the portal from `now` (the app's clock) on, under the committee's name; the first publication
 * date is kept when it is published again.
 */
export async function publishPost({ database, actor }: CommandContext, { id, version, now }: { id: string; version: number; now: Date }): Promise<NewsPostRow> {
  return updateRecord<NewsPostRow>(database, {
    table: newsPosts, policy: newsPolicy, actor, id, version, action: 'publish',
    changes: (before) => ({ status: 'published', publishedAt: before.publishedAt ?? now, publishedByName: actor.name }),
  });
}

/** 撤回: off the portal at once (a wrong date in a notice); it can be corrected and published again. */
export async function withdrawPost({ database, actor }: CommandContext, { id, version }: { id: string; version: number }): Promise<NewsPostRow> {
  return updateRecord<NewsPostRow>(database, { table: newsPosts, policy: newsPolicy, actor, id, version, action: 'withdraw', changes: { status: 'withdrawn' } });
}
