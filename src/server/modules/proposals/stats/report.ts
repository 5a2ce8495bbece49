import type { Executor } from '../../../db/client.js';
import { ratingLabels, type RatingValue } from '../../../platform/handling/plan.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { proposalSettings } from '../settings.js';
import { scanPage, type CountsRow, type RatingRow } from './figures.js';
import { pickSession, scanSessionChoices, sessionChoices } from './sessions.js';
import { summaryPage } from './summary.js';

/** A share in percent with one decimal, or null when there is nothing to divide by. */
export const percent = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 10 : null);

const ratingValues = Object.keys(ratingLabels) as RatingValue[];

function outcomes(r: CountsRow) {
  return {
    received: r.received, filed: r.filed, merged: r.merged, converted: r.converted, notFiled: r.not_filed, pending: r.pending,
    replied: r.replied, closed: r.closed,
    // 立案率 counts merged proposals with the filed ones: they are handled under the primary's number
    filingRate: percent(r.filed + r.merged, r.received),
    // 办复率: filed proposals whose every replying unit has replied
    replyRate: percent(r.replied, r.filed),
  };
}

/** 满意 + 基本满意 over all ratings, for one aspect. */
function aspect(rows: RatingRow[], key: 'attitude' | 'result') {
  const counts = Object.fromEntries(ratingValues.map((v) => [v, rows.filter((r) => r[key] === v).reduce((s, r) => s + r.n, 0)])) as Record<RatingValue, number>;
  const rated = rows.reduce((s, r) => s + r.n, 0);
  return { ...counts, rated, rate: percent(counts.satisfied + counts.basically, rated) };
}

/**
 * A session's proposal figures (RULES.md "Statistics"): received, filed, merged, converted, not
 * filed, filing and reply rates, satisfaction on attitude and result, answer-class shares, by
 * category and by unit. Read from the summaries the writers keep (summary.ts), a few hundred
 * counters whatever the number of proposals; `source: 'scan'` computes the same page from the rows
 * themselves (figures.ts), the reference the summaries are tested against.
 */
export async function proposalStats(db: Executor, committeeId: string, sessionId: string | undefined, today: string, source: 'summary' | 'scan' = 'summary') {
  const sessions = await (source === 'scan' ? scanSessionChoices : sessionChoices)(db, committeeId);
  const session = pickSession(sessions, sessionId);
  if (!session) return { session: null, sessions, overall: null, satisfaction: null, answerClasses: [], byCategory: [], byUnit: [] };
  const [{ counts, share, ratings, classes, units }, settings] = await Promise.all([
    (source === 'scan' ? scanPage : summaryPage)(db, committeeId, session.id, today),
    getSettings(db, proposalSettings, committeeId, session.year),
  ]);
  const total = counts.find((c) => c.is_total === 1);
  const overallRatings = ratings.filter((r) => r.is_total === 1);
  const answered = classes.reduce((s, c) => s + c.n, 0);
  // the configured classes in order, then any code used in an older reply that is no longer configured
  const codes = [...settings.answerClasses.map((c) => c.code), ...new Set(classes.map((c) => c.answer_class).filter((c) => !settings.answerClasses.some((a) => a.code === c)))];
  const classCount = (code: string, unitId?: string) => classes.filter((c) => c.answer_class === code && (!unitId || c.unit_id === unitId)).reduce((s, c) => s + c.n, 0);

  return {
    session,
    sessions,
    overall: {
      ...(total ? outcomes(total) : outcomes({ received: 0, filed: 0, merged: 0, converted: 0, not_filed: 0, pending: 0, replied: 0, closed: 0 } as CountsRow)),
      key: total?.key ?? 0,
      byAuthorType: { individual: total?.individual ?? 0, joint: total?.joint ?? 0, collective: total?.collective ?? 0 },
      proposers: share.proposers,
      members: share.members,
      proposerShare: percent(share.proposers, share.members),
      units: units.length,
    },
    satisfaction: { attitude: aspect(overallRatings, 'attitude'), result: aspect(overallRatings, 'result') },
    answerClasses: codes.map((code) => ({
      code,
      label: settings.answerClasses.find((c) => c.code === code)?.label ?? code,
      count: classCount(code),
      share: percent(classCount(code), answered),
    })),
    byCategory: counts
      .filter((c) => c.is_total === 0)
      .map((c) => ({ category: c.category ?? '', ...outcomes(c) }))
      .sort((a, b) => b.received - a.received || a.category.localeCompare(b.category, 'zh')),
    byUnit: units
      .map((u) => {
        const mine = ratings.filter((r) => r.is_total === 0 && r.unit_id === u.unit_id);
        const replied = classes.filter((c) => c.unit_id === u.unit_id).reduce((s, c) => s + c.n, 0);
        return {
          unitId: u.unit_id, unit: u.unit ?? '', assigned: u.assigned, leading: u.leading, assisting: u.assisting, overdue: u.overdue, replied,
          classes: Object.fromEntries(codes.map((code) => [code, classCount(code, u.unit_id)])) as Record<string, number>,
          replyRate: percent(replied, u.leading),
          attitudeRate: aspect(mine, 'attitude').rate,
          resultRate: aspect(mine, 'result').rate,
        };
      })
      .sort((a, b) => b.assigned - a.assigned || a.unit.localeCompare(b.unit, 'zh')),
  };
}

export type ProposalStats = Awaited<ReturnType<typeof proposalStats>>;
