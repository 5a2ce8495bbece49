/** What the server answers about 上下联动 (dates as ISO strings on the wire). */

export interface JointSummary {
  id: string;
  version: number;
  kind: string;
  kindLabel: string;
  title: string;
  year: number;
  startsAt: string;
  endsAt: string;
  location: string;
  status: string;
  statusLabel: string;
  actions: string[];
}

export interface JointList {
  items: (JointSummary & { districts: number; invited: number; checkedIn: number })[];
  canCreate: boolean;
}

export interface JointParticipant {
  memberId: string;
  name: string;
  version: number;
  reply: string;
  replyLabel: string;
  checkedInAt: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
}

export interface JointDetail extends JointSummary {
  agenda: string;
  closedAt: string | null;
  participation: string;
  participationLabel: string;
  /** status: scheduled | closed | cancelled (the district's own event); actions: cancelPart | reopenPart */
  districts: { committeeId: string; name: string; status: string; statusLabel: string; actions: string[]; invited: number; checkedIn: number; participants: JointParticipant[] }[];
}

export interface JointDistricts {
  items: { id: string; name: string }[];
  kinds: { value: string; label: string }[];
  participations: { value: string; label: string }[];
  /** the organiser's settings' default for a new joint event */
  participation: string;
}

export interface DistrictMembers {
  district: { id: string; name: string };
  items: { id: string; name: string; code: string; sector: string | null }[];
}

export interface DistrictFigure {
  key: string;
  label: string;
  value: number;
  unit: string;
  parts?: { key: string; label: string; value: number }[];
}

export interface DistrictTotalsAnswer {
  year: number;
  districts: { committeeId: string; name: string; figures: DistrictFigure[] }[];
  total: { name: string; figures: DistrictFigure[] } | null;
}

export interface SentUpAnswer {
  district: { id: string; name: string };
  total: number;
  byStatus: { key: string; label: string; value: number }[];
  items: { id: string; title: string; year: number; sentOn: string; status: string; statusLabel: string; link: string }[];
}
