import { consultationPaths } from '@shared/consultation/paths';
import { useGet } from '../../app/query';

export interface ConsultationOptions {
  sources: { key: string; label: string }[];
  forms: { key: string; label: string }[];
  specialCommittees: { id: string; name: string }[];
  units: { id: string; name: string }[];
  year: number;
}

/** The choices of the topic and plan forms: the sources this person may enter, forms, committees, departments. */
export const useConsultationOptions = () => useGet<ConsultationOptions>(consultationPaths.options).data;
