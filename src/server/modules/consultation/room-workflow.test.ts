import { describe, expect, it } from 'vitest';
import { decide } from '../../platform/workflow/workflow.js';
import { phaseOf, postWorkflow, roomWorkflow, type PostAction, type Room, type RoomAction, type RoomPost } from './room-workflow.js';
import { ballotProblem } from './commands/room-polls.js';
import { pollResultOf } from './poll-result.js';
import { actorAs } from '../../../../test/support/actors.js';

const committeeId = 'c1';
const everyone = { office: actorAs(['staff'], { office: 'general' }), proposalStaff: actorAs(['staff'], { office: 'proposal' }), leader: actorAs(['leader']), member: actorAs(['member'], { memberId: 'm1' }), unit: actorAs(['unit']), admin: actorAs(['admin']) };
/** Who of everyone may take the action (a workflow of either table). */
const allowed = (w: unknown, action: string, record: unknown) =>
  Object.entries(everyone).filter(([, a]) => decide(w as typeof roomWorkflow, action as RoomAction, a, record as Room).ok).map(([k]) => k);

describe('the room and post tables', () => {
  const roomCases: [string, RoomAction, string | null][] = [
    ['open', 'close', 'closed'], ['closed', 'reopen', 'open'], ['open', 'summarize', 'summarized'], ['closed', 'summarize', 'summarized'],
    ['summarized', 'reopen', null], ['summarized', 'close', null], ['open', 'reopen', null],
  ];
  it.each(roomCases)('a room %s: %s → %s, by the general office only', (status, action, to) => {
    const room = { id: 'r', committeeId, status, version: 1 } as Room;
    expect(allowed(roomWorkflow, action, room)).toEqual(to ? ['office', 'admin'] : []);
  });
  const postCases: [string, PostAction, boolean][] = [
    ['pending', 'approve', true], ['pending', 'reject', true], ['published', 'hide', true], ['published', 'approve', false], ['hidden', 'hide', false], ['rejected', 'approve', false],
  ];
  it.each(postCases)('a post %s: %s allowed %s', (status, action, ok) => {
    const post = { id: 'p', committeeId, status, version: 1 } as RoomPost;
    expect(allowed(postWorkflow, action, post)).toEqual(ok ? ['office', 'admin'] : []);
  });
});

describe('a room read against the clock', () => {
  const room = { status: 'open', opensAt: new Date('2026-03-01T00:00:00Z'), closesAt: new Date('2026-03-15T00:00:00Z') };
  it('is upcoming before it opens, open in its time, closed from its end on; closed or summarised whatever the time', () => {
    expect(phaseOf(room, new Date('2026-02-28T23:59:59Z'))).toBe('upcoming');
    expect(phaseOf(room, new Date('2026-03-01T00:00:00Z'))).toBe('open');
    expect(phaseOf(room, new Date('2026-03-15T00:00:00Z'))).toBe('closed');
    expect(phaseOf({ ...room, status: 'closed' }, new Date('2026-03-05T00:00:00Z'))).toBe('closed');
    expect(phaseOf({ ...room, status: 'summarized' }, new Date('2026-03-05T00:00:00Z'))).toBe('summarized');
  });
});

describe('ballots and results', () => {
  const options = ['甲', '乙', '丙'];
  it('refuses a ballot that does not fit its poll', () => {
    expect(ballotProblem({ kind: 'single', options, maxChoices: null }, [0, 1])).toBe('单选题只能选一项');
    expect(ballotProblem({ kind: 'multiple', options, maxChoices: 2 }, [0, 1, 2])).toBe('最多可选2项');
    expect(ballotProblem({ kind: 'multiple', options, maxChoices: null }, [1, 1])).toBe('同一选项只能选一次');
    expect(ballotProblem({ kind: 'ranking', options, maxChoices: null }, [2, 0])).toBe('请为全部选项排序');
    expect(ballotProblem({ kind: 'single', options, maxChoices: null }, [3])).toBe('选项不存在');
    expect(ballotProblem({ kind: 'ranking', options, maxChoices: null }, [2, 0, 1])).toBeNull();
  });
  it('gives totals that are the sum of their parts', () => {
    const ranking = pollResultOf({ kind: 'ranking', options }, [{ choices: [2, 0, 1] }, { choices: [0, 1, 2] }]);
    expect(ranking).toEqual({ unit: '分', total: 12, voters: 2, parts: [{ option: '甲', value: 5 }, { option: '乙', value: 3 }, { option: '丙', value: 4 }] });
    const multiple = pollResultOf({ kind: 'multiple', options }, [{ choices: [0, 2] }, { choices: [2] }]);
    expect(multiple.total).toBe(multiple.parts.reduce((a, p) => a + p.value, 0));
    expect(multiple).toMatchObject({ unit: '人次', total: 3, voters: 2 });
  });
});
