import { z } from 'zod';
import type { Wire } from '../http/responses.js';

/**
 * 社情民意联系点 ("社情联系点·民意直通车"): places in communities, enterprises and sectors where people's
 * concerns are collected, each with its liaison people. The information office keeps them; a report
 * that came through one names it and counts for it.
 */
export const contactPointKinds = { community: '社区', enterprise: '企业', sector: '界别', other: '其他' } as const;
export type ContactPointKind = keyof typeof contactPointKinds;

const version = z.number().int().min(1).describe('版本');

/** A liaison person: a member of the committee (by id), or a non-member named with a phone (seen by staff only). */
export const liaisonInput = z.object({
  memberId: z.uuid().nullish().describe('联络员（委员）'),
  name: z.string().trim().max(20).default('').describe('联络员姓名'),
  phone: z.string().trim().max(20).nullish().describe('联络员电话'),
});

export const contactPointInput = z.object({
  name: z.string().trim().min(2).max(60).describe('联系点名称'),
  kind: z.enum(Object.keys(contactPointKinds) as [ContactPointKind, ...ContactPointKind[]]).describe('类型'),
  place: z.string().trim().min(2).max(100).describe('地点'),
  note: z.string().trim().max(500).default('').describe('说明'),
  liaisons: z.array(liaisonInput).max(10).default([]).describe('联络员'),
});
export const contactPointPatch = contactPointInput.partial().extend({ version, active: z.boolean().optional().describe('是否启用') });
export const contactPointIdParams = z.object({ id: z.uuid().describe('联系点编号') });
export const contactPointQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度') });

export const contactPointPaths = {
  list: '/api/opinions/contact-points',
  point: '/api/opinions/contact-points/:id',
} as const;

/** A contact point as its reader may see it: liaison phones only for the information office. */
export const contactPointView = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  place: z.string(),
  note: z.string(),
  active: z.boolean(),
  liaisons: z.array(z.object({ memberId: z.string().nullable(), name: z.string(), phone: z.string().nullable() })),
  /** the year's reports through it (submitted, not withdrawn), and those adopted into an issue */
  reports: z.number(),
  adopted: z.number(),
  actions: z.array(z.string()),
});
export type ContactPointView = Wire<typeof contactPointView>;

export const contactPointList = z.object({
  year: z.number(),
  items: z.array(contactPointView),
  /** the year's reports through any contact point, and those adopted: each the sum of the points' figures */
  reports: z.number(),
  adopted: z.number(),
  actions: z.array(z.string()),
});
export type ContactPointList = Wire<typeof contactPointList>;
export type ContactPointInput = Wire<typeof contactPointInput>;
