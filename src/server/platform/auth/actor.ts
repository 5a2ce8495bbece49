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

/** Staff offices: each staff user works in one and sees that office's work. */
export const offices = ['general', 'proposal', 'info', 'members'] as const;
export type Office = (typeof offices)[number];
export const officeLabels: Record<Office, string> = {
  general: '办公室',
  proposal: '提案委',
  info: '信息科',
  members: '委员科',
};

/** Who is acting: the logged-in user as the policies see them. */
export interface Actor {
  userId: string;
  committeeId: string;
  name: string;
  roles: readonly Role[];
  office: Office | null;
  memberId: string | null;
  unitId: string | null;
}

export const hasRole = (actor: Actor, ...wanted: Role[]) => wanted.some((r) => actor.roles.includes(r));

/** The system itself (seeders, scheduled jobs) when it writes audit rows. */
export const systemActor = (committeeId: string): Actor => ({
  userId: '00000000-0000-0000-0000-000000000000',
  committeeId,
  name: '系统',
  roles: ['admin'],
  office: null,
  memberId: null,
  unitId: null,
});
