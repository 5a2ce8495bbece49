/** Tag colours of reports and issues: blue while waiting, green when adopted or printed. */
export const statusColors: Record<string, string> = { draft: 'default', submitted: 'processing', adopted: 'success', declined: 'warning', combined: 'purple', withdrawn: 'default' };
export const issueStatusColors: Record<string, string> = { draft: 'default', approved: 'processing', signed: 'blue', published: 'success' };
