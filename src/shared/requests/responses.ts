import { z } from 'zod';
import { historyEntry, instant, type Wire } from '../http/responses.js';

/** What the server answers about 民生诉求. The public answers carry no name, no phone, no ids of people. */

export const challenge = z.object({ id: z.string(), question: z.string(), expiresAt: instant });
export type Challenge = Wire<typeof challenge>;

export const receipt = z.object({ code: z.string(), receivedOn: z.string(), message: z.string() });
export type Receipt = Wire<typeof receipt>;

const note = z.object({ day: z.string(), body: z.string(), byName: z.string() });

/** What the receipt code shows: progress and outcome, who handles it (a studio or a member's name). */
export const followed = z.object({
  code: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  category: z.string(),
  place: z.string(),
  body: z.string(),
  receivedOn: z.string(),
  handler: z.string().nullable(),
  notes: z.array(note),
  outcome: z.string().nullable(),
  declineReason: z.string().nullable(),
  doneOn: z.string().nullable(),
  rating: z.string().nullable(),
  ratingLabel: z.string().nullable(),
  canRate: z.boolean(),
});
export type Followed = Wire<typeof followed>;

/** A request staff published: what and where, what was done — nobody's name or phone. */
export const publishedRequest = z.object({ category: z.string(), place: z.string(), body: z.string(), handler: z.string().nullable(), outcome: z.string().nullable(), doneOn: z.string().nullable() });
export const publishedList = z.object({ items: z.array(publishedRequest) });
export type PublishedList = Wire<typeof publishedList>;

export const requestRow = z.object({
  id: z.string(),
  version: z.number(),
  code: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  category: z.string(),
  place: z.string(),
  body: z.string(),
  receivedOn: z.string(),
  handler: z.string().nullable(),
  published: z.boolean(),
  actions: z.array(z.string()),
});
export type RequestRow = Wire<typeof requestRow>;
/** `scopes`: the lists this person may switch between (staff: by stage; a member: theirs) */
export const requestList = z.object({ items: z.array(requestRow), scopes: z.array(z.string()) });
export type RequestList = Wire<typeof requestList>;

export const requestDetail = requestRow.extend({
  /** only for staff who may see it; null for everyone else */
  sender: z.object({ name: z.string().nullable(), phone: z.string() }).nullable(),
  studioId: z.string().nullable(),
  memberId: z.string().nullable(),
  routeNote: z.string().nullable(),
  notes: z.array(note),
  outcome: z.string().nullable(),
  declineReason: z.string().nullable(),
  doneOn: z.string().nullable(),
  rating: z.string().nullable(),
  ratingLabel: z.string().nullable(),
  ratingComment: z.string().nullable(),
  photos: z.array(z.object({ id: z.string(), filename: z.string(), size: z.number() })),
  /** what it became, when the viewer may open it */
  proposal: z.object({ id: z.string(), title: z.string() }).nullable(),
  opinion: z.object({ id: z.string(), title: z.string() }).nullable(),
  converted: z.boolean(),
  history: z.array(historyEntry),
});
export type RequestDetail = Wire<typeof requestDetail>;

/** What a request or a 委员之家 suggestion was turned into: a proposal draft or an opinion report, for the page to open. */
export const conversion = z.object({ into: z.enum(['proposal', 'opinion']), id: z.string() });
export type Conversion = Wire<typeof conversion>;
/** A request after 转为提案草稿/社情民意信息: its page, and the record it became. */
export const requestConverted = requestDetail.extend({ convertedTo: conversion });
export type RequestConverted = Wire<typeof requestConverted>;

export const requestOptions = z.object({
  categories: z.array(z.string()),
  studios: z.array(z.object({ id: z.string(), name: z.string() })),
  members: z.array(z.object({ id: z.string(), name: z.string(), studioId: z.string().nullable() })),
});
export type RequestOptions = Wire<typeof requestOptions>;

/** What the portal form needs: categories and the photo limits (settings). */
export const portalRequestOptions = z.object({ categories: z.array(z.string()), maxPhotos: z.number(), photoMaxBytes: z.number(), acceptsTopics: z.boolean() });
export type PortalRequestOptions = Wire<typeof portalRequestOptions>;
