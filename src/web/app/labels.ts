import type { Office, Role } from './types';

/** Chinese names of roles and offices; kept in step with src/server/platform/auth/actor.ts. */
export const roleLabels: Record<Role, string> = {
  admin: '系统管理员',
  staff: '机关工作人员',
  member: '政协委员',
  unit: '承办单位',
  leader: '领导',
  secadmin: '安全管理员',
  auditor: '安全审计员',
};

export const officeLabels: Record<Office, string> = {
  general: '办公室',
  proposal: '提案委',
  info: '信息科',
  members: '委员科',
};

export const toOptions = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
