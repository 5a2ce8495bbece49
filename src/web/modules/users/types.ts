import type { Office, Role } from '../../app/types';

/** 用户 (an account); the password hash never leaves the server. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  office: Office | null;
  memberId: string | null;
  unitId: string | null;
  actsFor: string[];
  phone?: string | null;
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  version: number;
  actions: string[];
}
