/**
 * The module an activity belongs to (meetings now; consultations and research visits later): the
 * `owner_type` its rows carry and the page a notice about one links to. Commands that schedule,
 * invite or decide leave take it next to their input, as handling commands take a port.
 */
export interface ActivityOwner {
  type: string;
  link(activityId: string): string;
}
