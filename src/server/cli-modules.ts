import type { Database } from './db/client.js';
import { importProposalsCommand } from './modules/proposals/import/cli.js';

/** CLI commands contributed by modules (e.g. import-proposals); one line each. */
export const cliCommands: Record<string, { usage: string; run: (database: Database, args: string[]) => Promise<number | void> }> = {
  'import-proposals': importProposalsCommand,
};
