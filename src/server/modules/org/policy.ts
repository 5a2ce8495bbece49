import { definePolicy } from '../../platform/policy/policy.js';

type Tenanted = { committeeId: string };

/**
 * The organisation (届次、界别、专委会、党派、联络组、工作室、承办单位) is read by every account of
 * the committee and kept by admins and the staff of the general office and the members office.
 */
export const orgPolicy = definePolicy<Tenanted, 'read' | 'create' | 'update'>('org', '组织机构', {
  read: [{ roles: ['admin', 'staff', 'leader', 'member', 'unit', 'secadmin', 'auditor'] }],
  create: [{ roles: ['admin'] }, { roles: ['staff'], when: (a) => a.office === 'general' || a.office === 'members' }],
  update: [{ roles: ['admin'] }, { roles: ['staff'], when: (a) => a.office === 'general' || a.office === 'members' }],
});
