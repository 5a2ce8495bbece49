import { z } from 'zod';
import { defineSettings } from '../settings/settings.js';

/**
 * The protection of every form the public sends without signing in (民生诉求, 群众出题, 工作室线上咨询). Defaults
 * suit a district: a family may send a few things in an hour; a flood from one address stops.
 */
export const publicFormSettings = defineSettings({
  module: 'publicForms',
  label: '公众来信防滥用',
  schema: z.object({
    perAddressPerHour: z.number().int().min(1).max(100).describe('同一网络地址每小时最多提交（件）'),
    challengeMinutes: z.number().int().min(1).max(60).describe('验证题有效时间（分钟）'),
  }),
  defaults: { perAddressPerHour: 5, challengeMinutes: 10 },
});
export type PublicFormSettings = typeof publicFormSettings.defaults;
