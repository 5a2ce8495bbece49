import { api, ApiError, query } from '../../app/api';
import { useRemote } from '../../app/useRemote';
import type { Contact, HandledSubject } from './types';

export type SubjectType = 'proposal' | 'opinion';

/** Members and other offices may not read another subject's contact log: for them it is empty. */
const unlessForbidden = (err: unknown) => {
  if (err instanceof ApiError && err.status === 403) return { items: [] as Contact[] };
  throw err;
};

/**
 * The handling record of one subject: its detail (assignments with the actions this person may
 * take, replies, ratings) and the contact log. A proposal's detail carries its contacts; for other
 * subjects they come from GET /api/handling/contacts.
 */
export function useHandling(subjectType: SubjectType, subjectId: string) {
  return useRemote(async () => {
    const subject = await api.get<HandledSubject>(`/${subjectType}s/${subjectId}`);
    const contacts = subject.contacts ?? (await api.get<{ items: Contact[] }>(`/handling/contacts${query({ type: subjectType, subjectId })}`).catch(unlessForbidden)).items;
    return { ...subject, contacts, ratings: subject.ratings ?? [] };
  }, [subjectType, subjectId]);
}
