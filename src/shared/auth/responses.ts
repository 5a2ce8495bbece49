import { z } from 'zod';
import type { Wire } from '../http/responses.js';
import { offices, roles } from './roles.js';

/** What the client knows about the signed-in person. */
export const me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  office: z.enum(offices).nullable(),
  memberId: z.string().nullable(),
  unitId: z.string().nullable(),
  committee: z.object({ id: z.string(), name: z.string(), shortName: z.string(), level: z.string() }),
  /** rights that depend on the committee's settings, by the server's own checks (platform/navigation/capabilities.ts) */
  capabilities: z.array(z.string()).optional(),
});
export type Me = Wire<typeof me>;

/** /login and /me: the person and the CSRF token of their session. */
export const meAnswer = z.object({ user: me, csrfToken: z.string() });
export type MeAnswer = Wire<typeof meAnswer>;

/** /session: the same, or nulls for a visitor without a session. */
export const sessionAnswer = z.object({ user: me.nullable(), csrfToken: z.string().nullable() });
export type SessionAnswer = Wire<typeof sessionAnswer>;
