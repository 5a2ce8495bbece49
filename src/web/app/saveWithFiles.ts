import type { Dispatch, MutableRefObject, SetStateAction } from 'react';
import { pathTo } from '@shared/http/paths';
import type { Attachment } from '@shared/http/responses';
import { api } from './api';

/** A record that carries its files: a draft proposal, a 社情民意 report, a news post. */
interface WithFiles {
  id: string;
  version: number;
  attachments: unknown[];
}

interface Save<T extends WithFiles> {
  /** the record as last saved here (null before the first save): a retry after a failed upload goes on with it instead of creating another */
  saved: MutableRefObject<T | null>;
  /** the module's paths: `list` creates, `detail` (with :id) updates, `attachments` (with :id) takes one file */
  paths: { list: string; detail: string; attachments: string };
  values: object;
  /** the files picked and not yet uploaded; each leaves the list once it is stored, so a retry sends only the rest */
  files: File[];
  setFiles: Dispatch<SetStateAction<File[]>>;
  /** the record's stored files, shown as they grow */
  setStored(attachments: Attachment[]): void;
}

const withId = (path: string, id: string) => pathTo(path as ':id', { id });

/**
 * Saves a record (created the first time, then patched at its version) and uploads the files picked
 * for it one by one; returns the record as the last upload left it. Used by every form with an
 * attachment picker: `saveWithFiles({ saved, paths: opinionPaths, values, files, setFiles, setStored })`.
 */
export async function saveWithFiles<T extends WithFiles>({ saved, paths, values, files, setFiles, setStored }: Save<T>): Promise<T> {
  const base = saved.current;
  let record = base ? await api.patch<T>(withId(paths.detail, base.id), { ...values, version: base.version }) : await api.post<T>(paths.list, values);
  saved.current = record;
  for (const file of files) {
    record = await api.upload<T>(withId(paths.attachments, record.id), file);
    saved.current = record;
    setFiles((pending) => pending.filter((f) => f !== file));
    setStored(record.attachments as Attachment[]);
  }
  return record;
}
