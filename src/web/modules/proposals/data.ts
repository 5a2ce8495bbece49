import type { z } from 'zod';
import type { proposalQuery } from '@shared/proposals/inputs';
import { pathTo } from '@shared/http/paths';
import { proposalPaths } from '@shared/proposals/paths';
import type { ProposalDetail, ProposalOptions, ProposalPage } from '@shared/proposals/responses';
import { useGet } from '../../app/query';

/** Reads of the proposal module, each cached under its route path. */

export const useProposal = (id: string | undefined) => useGet<ProposalDetail>(pathTo(proposalPaths.detail, { id: id ?? '' }), undefined, { enabled: !!id });

/** The form's choices (categories, reject reasons, answer classes), shared by every page that needs them. */
export const useProposalOptions = () => useGet<ProposalOptions>(proposalPaths.options);

/** The list's query as the server reads it (shared proposalQuery), with a page number. */
export type ProposalFilters = Omit<z.input<typeof proposalQuery>, 'page' | 'pageSize' | 'year'> & { page: number; pageSize?: number; year?: number };
/** One page of a proposal list; the previous page stays shown while the next one loads. */
export const useProposalPage = (filters: ProposalFilters, enabled = true) => useGet<ProposalPage>(proposalPaths.list, { pageSize: 20, ...filters }, { keepPrevious: true, enabled });
