/** The roles of the platform. Names in code are English; the Chinese sits in roleLabels. */
export const roles = ['admin', 'staff', 'member', 'unit', 'leader', 'secadmin', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: '系统管理员',
  staff: '机关工作人员',
  member: '政协委员',
  unit: '承办单位',
  leader: '领导',
  secadmin: '安全管理员',
  auditor: '安全审计员',
};

/**
 * 三员: the system administrator, the security administrator and the security auditor. These roles
 * are set on the server by the operator (`npm run cli -- officer …`), never granted, taken away or
 * reset through the application, so no one of them can make themself or another the other two.
 */
export const officerRoles: readonly Role[] = ['admin', 'secadmin', 'auditor'];
export const isOfficerRole = (r: string) => (officerRoles as readonly string[]).includes(r);

/** Staff offices: each staff user works in one and sees that office's work. */
export const offices = ['general', 'proposal', 'info', 'members'] as const;
export type Office = (typeof offices)[number];
export const officeLabels: Record<Office, string> = {
  general: '办公室',
  proposal: '提案委',
  info: '信息科',
  members: '委员科',
};
