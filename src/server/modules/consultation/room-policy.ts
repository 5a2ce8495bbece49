import { definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';
import type { RoomPhase } from '../../../shared/consultation/labels.js';
import { isConsultationStaff } from './workflow.js';
import type { Room, RoomPost } from './room-workflow.js';

/** A room as its policy sees it: with its phase by the app's clock. */
export type RoomSubject = Room & { phase: RoomPhase };

/**
 * 网络议政室: every member, leader and staff member of the committee reads a room (it is held for the
 * members); the office manages it; members take part only while it is open.
 */
export const roomPolicy = definePolicy<RoomSubject, 'read' | 'manage' | 'post' | 'vote'>('consultationRoom', '网络议政室', {
  read: [{ roles: ['member', 'leader', 'staff', 'admin'] }],
  manage: [{ roles: ['staff', 'admin'], when: (a) => isConsultationStaff(a) }],
  post: [{ roles: ['member'], when: (a, r) => a.memberId !== null && r.phase === 'open' }],
  vote: [{ roles: ['member'], when: (a, r) => a.memberId !== null && r.phase === 'open' }],
});

/** The office opens rooms. */
export const roomCollectionPolicy = definePolicy<CommitteeScope, 'create'>('consultationRooms', '网络议政室', {
  create: [{ roles: ['staff', 'admin'], when: (a) => isConsultationStaff(a) }],
});

/** A post with what its policy needs: its room's phase. */
export type PostSubject = RoomPost & { phase: RoomPhase };

/**
 * A published post is read by whoever reads the room; one held, rejected or hidden only by its
 * author and the office. Support goes to others' published posts while the room is open.
 */
export const postPolicy = definePolicy<PostSubject, 'read' | 'support'>('consultationRoomPost', '议政发言', {
  read: [
    { roles: ['member', 'leader', 'staff', 'admin'], when: (_a, p) => p.status === 'published' },
    { roles: ['staff', 'admin'], when: (a) => isConsultationStaff(a) },
    { roles: ['member'], when: (a, p) => p.authorMemberId !== null && p.authorMemberId === a.memberId },
  ],
  support: [{ roles: ['member'], when: (a, p) => a.memberId !== null && p.status === 'published' && p.phase === 'open' && p.authorMemberId !== a.memberId }],
});
