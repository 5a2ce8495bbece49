import type { users } from '../../platform/auth/schema.js';

/** Accounts live with authentication (platform/auth/schema.ts); this module keeps them. */
export type User = typeof users.$inferSelect;
