/** The shapes the server sends (see the API contract); web-only, the server has its own zod schemas. */

export type Role = 'admin' | 'staff' | 'member' | 'unit' | 'leader' | 'secadmin' | 'auditor';
export type Office = 'general' | 'proposal' | 'info' | 'members';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  office: Office | null;
  memberId: string | null;
  unitId: string | null;
  committee: { id: string; name: string; shortName: string; level: string };
}

/** Every record carries its version (optimistic locking) and the actions the user may take on it. */
export interface Versioned {
  id: string;
  version: number;
  actions: string[];
}

/** A list answer: the rows and what the user may do on the list (e.g. 'create'). */
export interface ListOf<T> {
  items: T[];
  actions: string[];
}

export interface Notice {
  id: string;
  title: string;
  body: string | null;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}
