import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { sourceLink } from './kinds.js';

export interface SourceRef {
  sourceType: string;
  sourceId: string;
}

/**
 * The link of each entry's source, or null with the source id withheld where the viewer may not
 * open it. Each module says which of its records a viewer may open (its manifest's `ledgerSources`):
 * 社情民意 are internal, so the proposal, members and general offices see a member's report entry,
 * its date and points, without the report's id or link; a department sees no supervision group.
 * The module list is imported when first asked: it imports this module.
 */
export async function sourceRefs<E extends SourceRef>(db: Executor, viewer: Actor, entries: E[]): Promise<(Omit<E, 'sourceId' | 'link'> & { sourceId: string | null; link: string | null })[]> {
  const { registry } = await import('../index.js');
  const readable = new Map<string, Set<string>>();
  for (const [type, read] of registry.ledgerSources) {
    const ids = [...new Set(entries.filter((e) => e.sourceType === type).map((e) => e.sourceId))];
    if (ids.length) readable.set(type, await read(db, viewer, ids));
  }
  return entries.map((e) => {
    const open = !readable.has(e.sourceType) || readable.get(e.sourceType)!.has(e.sourceId);
    return { ...e, sourceId: open ? e.sourceId : null, link: open ? sourceLink(e.sourceType, e.sourceId) : null };
  });
}
