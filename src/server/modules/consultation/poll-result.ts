/**
 * A poll's result from its ballots. Single and multiple choice count each option's votes (the total
 * is the votes or selections cast); a ranking gives an option n points for a first place, n−1 for a
 * second … 1 for the last (Borda), the total being every point given. Either way the total is the
 * sum of the parts.
 */
export function pollResultOf(poll: { kind: string; options: string[] }, ballots: { choices: number[] }[]) {
  const n = poll.options.length;
  const values = poll.options.map(() => 0);
  for (const b of ballots) b.choices.forEach((option, place) => (values[option]! += poll.kind === 'ranking' ? n - place : 1));
  return {
    unit: poll.kind === 'ranking' ? '分' : poll.kind === 'multiple' ? '人次' : '票',
    total: values.reduce((a, b) => a + b, 0),
    voters: ballots.length,
    parts: poll.options.map((option, i) => ({ option, value: values[i]! })),
  };
}
