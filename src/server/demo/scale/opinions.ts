import { randomUUID } from 'node:crypto';
import { apportion } from './plan.js';
import type { BulkWriter } from './bulk.js';
import type { CommitteeContext } from './organisation.js';
import { ledgerColumns } from './proposals.js';
import type { RealTexts } from './texts.js';
import { addDays, atTime } from './time.js';

const opinionColumns = [
  'id', 'committee_id', 'version', 'created_at', 'updated_at', 'year', 'serial', 'author_type', 'author_member_id', 'author_body', 'author_text', 'created_by_user_id',
  'title', 'body', 'category', 'status', 'submitted_at', 'feedback', 'issue_id',
];
const ADOPTED_PER_ISSUE = 8;

/**
 * A committee's 社情民意 reports of every year: members' own (most) and parties' (by the
 * information office), submitted through the year, each with its original as revision 1; the
 * office adopts about a third into the numbered issues of its periodical (with the adoption at the
 * committee's level) and declines most others with feedback; recent ones still wait.
 */
export async function writeOpinions(w: BulkWriter, ctx: CommitteeContext, texts: RealTexts, r: () => number, today: string) {
  const years = [...ctx.sessions.keys()];
  const perYear = apportion(ctx.plan.opinions, years.map(() => 1));
  const level = ctx.plan.level;
  const info = ctx.staff.info;
  for (const [yi, year] of years.entries()) {
    const yearEnd = `${year}-12-31` < today ? `${year}-12-31` : today;
    const span = Math.max(0, (Date.parse(yearEnd) - Date.parse(`${year}-01-01`)) / 86_400_000);
    const ordered = Array.from({ length: perYear[yi] }, () => addDays(`${year}-01-01`, Math.floor(r() * (span + 1)))).sort();
    let issue: { id: string; number: number; items: number; day: string } | null = null;
    let issues = 0;
    for (const [i, day] of ordered.entries()) {
      const t = texts.opinion(r);
      const byMember = r() < 0.85;
      const author = byMember ? ctx.members[Math.floor(r() * ctx.members.length)] : null;
      const body = byMember ? null : ctx.parties[Math.floor(r() * ctx.parties.length)];
      const id = randomUUID();
      const submitted = atTime(day, r);
      const creator = author ? { userId: author.userId, name: author.name } : info;
      const decideDay = addDays(day, 5 + Math.floor(r() * 25));
      const roll = r();
      const status = decideDay > today ? 'submitted' : roll < 0.35 ? 'adopted' : roll < 0.97 ? 'declined' : 'withdrawn';
      const decided = atTime(decideDay, r);
      let issueId: string | null = null;
      if (status === 'adopted') {
        if (!issue || issue.items >= ADOPTED_PER_ISSUE) {
          if (issue) await closeIssue(issue);
          issue = { id: randomUUID(), number: ++issues, items: 0, day: decideDay };
        }
        issueId = issue.id;
        await w.add('opinion_issue_items', ['issue_id', 'opinion_id', 'committee_id', 'position'], [issue.id, id, ctx.id, ++issue.items]);
        await w.add('opinion_adoptions', ['committee_id', 'opinion_id', 'level', 'mode', 'adopted_by', 'adopted_on', 'issue_id', 'recorded_by_committee_id', 'recorded_by_name', 'created_at'], [
          ctx.id, id, level, 'alone', `${ctx.plan.shortName}《社情民意》${year}年第${issue.number}期`, decideDay, issue.id, ctx.id, info.name, decided,
        ]);
        if (author) await w.add('ledger_entries', ledgerColumns, [ctx.id, author.id, 'opinion.adopted', 'lead', decideDay, 'opinion', id, null, level, decided]);
      }
      await w.add('opinions', opinionColumns, [
        id, ctx.id, status === 'submitted' ? 2 : 3, submitted, status === 'submitted' ? submitted : decided, year, i + 1, byMember ? 'member' : 'party', author?.id ?? null, body,
        author?.name ?? body, creator.userId, t.title, t.body, t.category, status, submitted, status === 'declined' ? '感谢您的反映，所反映问题已有相关部门跟进，本期未予采用。' : null, issueId,
      ]);
      await w.add('opinion_revisions', ['committee_id', 'opinion_id', 'number', 'title', 'body', 'editor_user_id', 'editor_name', 'note', 'created_at'], [ctx.id, id, 1, t.title, t.body, creator.userId, creator.name, '原稿', submitted]);
      if (author) await w.add('ledger_entries', ledgerColumns, [ctx.id, author.id, 'opinion.submitted', 'lead', day, 'opinion', id, null, null, submitted]);
      ctx.audit.push({ at: submitted, actorId: creator.userId, actorName: creator.name, action: 'opinion.submit', subjectType: 'opinion', subjectId: id, before: null, after: { status: 'submitted' }, note: null });
      if (status !== 'submitted') ctx.audit.push({ at: decided, actorId: info.userId, actorName: info.name, action: `opinion.${status === 'adopted' ? 'adopt' : status === 'declined' ? 'decline' : 'withdraw'}`, subjectType: 'opinion', subjectId: id, before: null, after: { status }, note: null });
    }
    if (issue) await closeIssue(issue, issue.day > addDays(today, -20));

    async function closeIssue(x: { id: string; number: number; day: string }, stillEditing = false) {
      const at = atTime(x.day, r);
      const published = atTime(addDays(x.day, 3), r);
      await w.add('opinion_issues', ['id', 'committee_id', 'version', 'created_at', 'updated_at', 'year', 'number', 'title', 'status', 'approved_by_name', 'approved_at', 'signed_by_name', 'signed_at', 'published_at'], [
        x.id, ctx.id, stillEditing ? 1 : 4, at, stillEditing ? at : published, year, x.number, `${year}年第${x.number}期`, stillEditing ? 'draft' : 'published',
        stillEditing ? null : '信息科科长', stillEditing ? null : at, stillEditing ? null : '分管副秘书长', stillEditing ? null : published, stillEditing ? null : published,
      ]);
    }
  }
}
