/**
 * Turns audit actions (`proposal.file`, `assignment.sign`) into the words of a record's timeline.
 * `byAction` names whole actions; `byVerb` names the last part of the rest; anything unknown shows
 * as it is. Each module builds its labeller once from its shared labels, and its presenter sends
 * `actionLabel` with every history line, so the web never spells these words.
 *
 * @example historyLabeller({ 'assignment.sign': '签收' }, { file: '立案' })('proposal.file') // '立案'
 */
export const historyLabeller =
  (byAction: Record<string, string>, byVerb: Record<string, string> = {}) =>
  (action: string): string =>
    byAction[action] ?? byVerb[action.split('.').pop() ?? ''] ?? action;
