// Every table of the product, one import per module; drizzle-kit reads this file to generate migrations.
export * from '../platform/tenancy/schema.js';
export * from '../platform/auth/schema.js';
export * from '../platform/audit/schema.js';
export * from '../platform/notifications/schema.js';
export * from '../platform/calendar/schema.js';
export * from '../platform/attachments/schema.js';
export * from '../platform/settings/schema.js';
export * from '../modules/org/schema.js';
export * from '../modules/members/schema.js';
export * from '../platform/ledger/schema.js';
export * from '../platform/handling/schema.js';
export * from '../modules/proposals/schema.js';
export * from '../platform/activity/schema.js';
export * from '../modules/meetings/schema.js';
export * from '../modules/performance/schema.js';
export * from '../modules/opinions/schema.js';
export * from '../modules/outreach/schema.js';
