import { z } from 'zod';
import { defineSettings } from '../settings/settings.js';
import { MIN_AUDIT_RETENTION_DAYS } from './retention.js';

/** Security settings of a committee (等保 2.0 audit controls). */
export const securitySettings = defineSettings({
  module: 'security',
  label: '安全设置',
  schema: z.object({
    auditRetentionDays: z.number().int().min(MIN_AUDIT_RETENTION_DAYS).max(3650).describe('审计日志保留天数'),
  }),
  defaults: { auditRetentionDays: 365 },
  keptBy: 'auditor',
});
