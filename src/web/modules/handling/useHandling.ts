import { handlingPaths } from '@shared/handling/paths';
import type { Contact, HandledRecord } from '@shared/handling/responses';
import { pathTo } from '@shared/http/paths';
import { useGet } from '../../app/query';
import { handledPaths, type SubjectType } from './subjects';

export type { SubjectType };

/**
 * The handling record of one subject: its detail (assignments with the actions this person may
 * take, replies, ratings) and the contact log. The detail is the record page's own read (one
 * request for both); a proposal's detail carries its contacts, other subjects' come from the
 * handling contacts route when the record's actions include readContacts (its units, the office,
 * leaders, its authors); anyone else sees none and asks for none.
 */
export function useHandling(subjectType: SubjectType, subjectId: string) {
  const { data: subject } = useGet<HandledRecord>(pathTo(handledPaths[subjectType].detail, { id: subjectId }));
  // asked only of a record that says this person may read its log: a page never asks for what it would be refused
  const separate = !!subject && !subject.contacts && subject.actions.includes('readContacts');
  const { data: log, isError } = useGet<{ items: Contact[] }>(handlingPaths.contacts, { type: subjectType, subjectId }, { enabled: separate, quiet: true });
  if (!subject || (separate && !log && !isError)) return { data: undefined };
  return { data: { ...subject, contacts: subject.contacts ?? log?.items ?? [], ratings: subject.ratings ?? [] } };
}
