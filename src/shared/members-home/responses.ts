import { z } from 'zod';
import { instant, type Wire } from '../http/responses.js';
import { conversion } from '../requests/responses.js';

/** What the 委员之家 API answers; the presenters are typed against these schemas. */

const linked = z.object({ id: z.string(), title: z.string() }).nullable();

/** A suggestion and what became of it (the converted record, when this person may open it). */
export const homeSuggestion = z.object({
  id: z.string(),
  version: z.number(),
  body: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  proposal: linked,
  opinion: linked,
  convertedByName: z.string().nullable(),
  /** 'convert' when this person may convert it; 'convertForVisitor' when it may be the visiting member's */
  actions: z.array(z.string()),
});
export type HomeSuggestion = Wire<typeof homeSuggestion>;

export const homeVisit = z.object({
  id: z.string(),
  dutyId: z.string(),
  day: z.string(),
  visitorMemberId: z.string().nullable(),
  visitorName: z.string(),
  visitorNote: z.string().nullable(),
  isMember: z.boolean(),
  topic: z.string(),
  said: z.string(),
  recordedByName: z.string(),
  createdAt: instant,
  suggestions: z.array(homeSuggestion),
});
export type HomeVisit = Wire<typeof homeVisit>;

export const homeDuty = z.object({
  id: z.string(),
  version: z.number(),
  day: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  capacity: z.string(),
  capacityLabel: z.string(),
  specialCommitteeName: z.string().nullable(),
  note: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  cancelReason: z.string().nullable(),
  visitCount: z.number(),
  actions: z.array(z.string()),
});
export type HomeDuty = Wire<typeof homeDuty>;

export const homeDutyDetail = homeDuty.extend({ visits: z.array(homeVisit) });
/** A duty after one of its suggestions was converted: its page, and the record the suggestion became. */
export type HomeDutyDetail = Wire<typeof homeDutyDetail>;
/** A duty after one of its suggestions was converted: its page, and the record the suggestion became. */
export const homeSuggestionConverted = homeDutyDetail.extend({ convertedTo: conversion });
export type HomeSuggestionConverted = Wire<typeof homeSuggestionConverted>;

/** The rota of a month, with the days the Home is open (the setting, less holidays). */
export const rota = z.object({ month: z.string(), openDays: z.array(z.string()), items: z.array(homeDuty), actions: z.array(z.string()) });
export type Rota = Wire<typeof rota>;

/** The duty member's day: today's duty (or none) and their next ones. */
export const todayDuty = z.object({ today: z.string(), duty: homeDutyDetail.nullable(), upcoming: z.array(homeDuty) });
export type TodayDuty = Wire<typeof todayDuty>;

/** The visit log of a year, newest first, with the year's figures counted from the same records. */
export const visitLog = z.object({
  year: z.number(),
  visits: z.number(),
  suggestions: z.number(),
  converted: z.number(),
  items: z.array(homeVisit.extend({ dutyMemberName: z.string() })),
});
export type VisitLog = Wire<typeof visitLog>;

export const homeOptions = z.object({
  openWeekdays: z.array(z.number()),
  capacities: z.array(z.object({ value: z.string(), label: z.string() })),
  members: z.array(z.object({ id: z.string(), name: z.string(), position: z.string() })),
  specialCommittees: z.array(z.object({ id: z.string(), name: z.string() })),
  keepsRota: z.boolean(),
});
export type HomeOptions = Wire<typeof homeOptions>;
