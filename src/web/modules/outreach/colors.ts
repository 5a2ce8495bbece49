/** Tag colours of the record states (presentation only; the names come from the shared labels). */
export const statusColors: Record<string, string> = { active: 'green', inProgress: 'blue', done: 'green', ended: 'default', voided: 'red' };
