/** 审计日志: read by the security auditor only. */
export const auditPaths = {
  list: '/api/audit',
  actions: '/api/audit/actions',
  verify: '/api/audit/verify',
} as const;
