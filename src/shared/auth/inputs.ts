import { z } from 'zod';

/** What the web sends to sign in and to change a password; the server validates with the same schemas. */

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64).describe('用户名'),
  password: z.string().min(1).max(128).describe('密码'),
});

export const passwordBody = z.object({
  oldPassword: z.string().min(1).max(128).describe('原密码'),
  newPassword: z.string().min(1).max(128).describe('新密码'),
});
