import { randomUUID } from 'node:crypto';
import { activityKinds, ledgerKindOf, type ActivityKind } from '../../platform/activity/kinds.js';
import { json, type BulkWriter } from './bulk.js';
import type { CommitteeContext, Person } from './organisation.js';
import { ledgerColumns } from './proposals.js';
import type { RealTexts } from './texts.js';
import { addDays, notAfterNow } from './time.js';

const activityColumns = [
  'id', 'committee_id', 'version', 'created_at', 'updated_at', 'owner_type', 'kind', 'title', 'year', 'session_id', 'starts_at', 'ends_at', 'location', 'mandatory',
  'organiser_office', 'invitation_scopes', 'agenda', 'status', 'closed_at', 'created_by_user_id',
];
const inviteeColumns = ['activity_id', 'member_id', 'committee_id', 'version', 'reply', 'replied_at', 'checked_in_at', 'check_in_method', 'outcome'];
const otherKinds: ActivityKind[] = ['activityDay', 'activityDay', 'reading', 'training', 'inspection', 'research', 'specialCommittee'];
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

/**
 * A committee's meetings and activities of every year, closed with their attendance: the plenary
 * session's four half-days (everyone, counted per half-day on the session as occasion), four
 * standing-committee meetings, and as many activity days, readings, trainings, inspections and
 * research visits of 20–60 members as it takes for the committee's ledger to reach `attendance`
 * entries. Attendance: about 90% attend (checked in by QR), 6% excused on an approved leave
 * request, 4% absent; each outcome leaves its ledger entry dated the event's day. A few events in
 * the coming month are still scheduled.
 */
export async function writeMeetings(w: BulkWriter, ctx: CommitteeContext, texts: RealTexts, r: () => number, today: string, attendance: number) {
  const years = [...ctx.sessions.keys()];
  const creator = ctx.staff.general;
  const fixed = years.length * (4 * ctx.members.length + 4 * ctx.standing.length);
  const groupSize = Math.min(ctx.members.length, 40);
  const perYear = Math.max(0, Math.round((attendance - fixed) / groupSize / years.length));
  for (const year of years) {
    const s = ctx.sessions.get(year)!;
    const events: { kind: ActivityKind; day: string; title: string; invited: Person[]; sessionId: string | null; halfDay: 'am' | 'pm' }[] = [];
    for (let k = 0; k < 4; k++) events.push({ kind: 'plenary', day: addDays(s.startDate, Math.floor(k / 2)), title: `${s.name}第${k + 1}次全体会议`, invited: ctx.members, sessionId: s.id, halfDay: k % 2 ? 'pm' : 'am' });
    for (const month of ['03', '06', '09', '12']) events.push({ kind: 'standingCommittee', day: `${year}-${month}-${String(10 + Math.floor(r() * 15)).padStart(2, '0')}`, title: `常委会议（${Number(month)}月）`, invited: ctx.standing, sessionId: null, halfDay: 'am' });
    for (let k = 0; k < perYear; k++) {
      const kind = otherKinds[Math.floor(r() * otherKinds.length)];
      const start = Math.floor(r() * Math.max(1, ctx.members.length - groupSize));
      const size = Math.max(1, Math.min(ctx.members.length, Math.round(groupSize * (0.5 + r()))));
      const invited = ctx.members.slice(start, start + size);
      events.push({ kind, day: addDays(`${year}-01-20`, Math.floor(r() * 330)), title: `${activityKinds[kind]}：${texts.topicTitle(r)}`, invited, sessionId: null, halfDay: r() < 0.5 ? 'am' : 'pm' });
    }
    const upcoming = year === years.at(-1) ? 3 : 0;
    for (let k = 0; k < upcoming; k++) events.push({ kind: 'activityDay', day: addDays(today, 3 + k * 7), title: `委员活动日：${texts.topicTitle(r)}`, invited: ctx.members.slice(0, groupSize), sessionId: null, halfDay: 'pm' });
    for (const e of events) {
      const closed = e.day < today;
      const id = randomUUID();
      const [from, to] = e.halfDay === 'am' ? ['09:00', '12:00'] : ['14:30', '17:30'];
      // an activity some weeks ahead was put on the calendar two weeks before it, or today at the latest
      const created = notAfterNow(at(addDays(e.day, -14), '10:00'));
      const closedAt = closed ? at(e.day, '18:00') : null;
      const scopes = e.invited === ctx.members ? [{ type: 'everyone' }] : [{ type: 'members', ids: e.invited.map((m) => m.id) }];
      await w.add('activities', activityColumns, [
        id, ctx.id, closed ? 2 : 1, created, closedAt ?? created, 'meeting', e.kind, e.title, year, e.sessionId, at(e.day, from), at(e.day, to), `${ctx.plan.shortName}机关会议室`,
        true, 'general', json(scopes), '', closed ? 'closed' : 'scheduled', closedAt, creator.userId,
      ]);
      for (const m of e.invited) {
        if (!closed) {
          await w.add('activity_invitees', inviteeColumns, [id, m.id, ctx.id, 1, 'pending', null, null, null, null]);
          continue;
        }
        const roll = r();
        const outcome = roll < 0.9 ? 'attended' : roll < 0.96 ? 'excused' : 'absent';
        const checkedIn = outcome === 'attended' ? new Date(at(e.day, from).getTime() - Math.floor(r() * 20) * 60_000) : null;
        await w.add('activity_invitees', inviteeColumns, [id, m.id, ctx.id, 2, outcome === 'excused' ? 'declined' : 'accepted', created, checkedIn, checkedIn ? 'qr' : null, outcome]);
        if (outcome === 'excused') {
          await w.add('activity_leave_requests', ['committee_id', 'activity_id', 'member_id', 'reason', 'status', 'version', 'created_at', 'decided_at', 'decided_by_user_id', 'decided_by_name'], [
            ctx.id, id, m.id, '因公出差，无法参加', 'approved', 2, created, created, creator.userId, creator.name,
          ]);
        }
        await w.add('ledger_entries', ledgerColumns, [ctx.id, m.id, ledgerKindOf(e.kind, outcome as 'attended'), 'lead', e.day, 'activity', id, e.sessionId, null, closedAt]);
      }
      ctx.audit.push({ at: created, actorId: creator.userId, actorName: creator.name, action: 'meeting.create', subjectType: 'activity', subjectId: id, before: null, after: { title: e.title }, note: null });
      if (closedAt) ctx.audit.push({ at: closedAt, actorId: creator.userId, actorName: creator.name, action: 'activity.close', subjectType: 'activity', subjectId: id, before: { status: 'scheduled' }, after: { status: 'closed' }, note: null });
    }
  }
}
