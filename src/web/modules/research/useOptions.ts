import { researchPaths } from '@shared/research/paths';
import { useGet } from '../../app/query';

export interface ResearchOptions {
  sources: { key: string; label: string }[];
  forms: { key: string; label: string }[];
  conversionKinds: { key: string; label: string }[];
  specialCommittees: { id: string; name: string }[];
  units: { id: string; name: string }[];
  proposalCategories: string[];
  opinionCategories: string[];
  collectiveBodies: string[];
  maxGroupMembers: number;
  year: number;
}

/** The choices of the research forms: sources, forms, committees, departments, categories. */
export const useResearchOptions = () => useGet<ResearchOptions>(researchPaths.options).data;
