/** 届 (a five-year term of the committee). */
export interface Term {
  id: string;
  number: number;
  name: string;
  startDate: string;
  endDate: string | null;
  current: boolean;
  version: number;
  actions: string[];
}

/** 次会议 (a yearly plenary session of a term), with its proposal window. */
export interface PlenarySession {
  id: string;
  termId: string;
  number: number;
  name: string;
  year: number;
  startDate: string;
  endDate: string;
  proposalOpensOn: string | null;
  proposalClosesOn: string | null;
  version: number;
  actions: string[];
}
