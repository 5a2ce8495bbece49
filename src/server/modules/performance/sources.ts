import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { readableOpinionIds } from '../opinions/load.js';
import { sourceLink } from './kinds.js';

/**
 * Which source records of a record's entries the viewer may open, by source type. A type not listed
 * here is readable by everyone who may read performance records (meetings, proposals, outreach).
 * 社情民意 are internal: the proposal, members and general offices read a member's record but not
 * the member's reports — they see the entry, its date and points, without the report's id or link.
 */
const readers: Record<string, (db: Executor, viewer: Actor, ids: string[]) => Promise<Set<string>>> = {
  opinion: readableOpinionIds,
};

export interface SourceRef {
  sourceType: string;
  sourceId: string;
}

/** The link of each entry's source, or null with the source id withheld where the viewer may not open it. */
export async function sourceRefs<E extends SourceRef>(db: Executor, viewer: Actor, entries: E[]): Promise<(Omit<E, 'sourceId' | 'link'> & { sourceId: string | null; link: string | null })[]> {
  const readable = new Map<string, Set<string>>();
  for (const [type, read] of Object.entries(readers)) {
    const ids = [...new Set(entries.filter((e) => e.sourceType === type).map((e) => e.sourceId))];
    if (ids.length) readable.set(type, await read(db, viewer, ids));
  }
  return entries.map((e) => {
    const open = !readable.has(e.sourceType) || readable.get(e.sourceType)!.has(e.sourceId);
    return { ...e, sourceId: open ? e.sourceId : null, link: open ? sourceLink(e.sourceType, e.sourceId) : null };
  });
}
