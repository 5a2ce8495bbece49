import { z } from 'zod';
import { instant, listOf, type Wire } from '../http/responses.js';

/** 用户 (an account); the password hash never leaves the server. */
export const user = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  /** keys of roleLabels */
  roles: z.array(z.string()),
  /** a key of officeLabels */
  office: z.string().nullable(),
  memberId: z.string().nullable(),
  unitId: z.string().nullable(),
  actsFor: z.array(z.string()),
  phone: z.string().nullable(),
  active: z.boolean(),
  /** while the login lockout lasts */
  lockedUntil: instant.nullable(),
  lastLoginAt: instant.nullable(),
  version: z.number(),
  actions: z.array(z.string()),
});
export type User = Wire<typeof user>;
export const userList = listOf(user);
export type UserList = Wire<typeof userList>;
