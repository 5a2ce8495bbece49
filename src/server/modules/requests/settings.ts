import { z } from 'zod';
import { defineSettings } from '../../platform/settings/settings.js';

/** 民生诉求 rules: what the portal form offers and how many photos of what size it takes. */
export const requestSettings = defineSettings({
  module: 'requests',
  label: '民生诉求',
  schema: z.object({
    categories: z.array(z.string().min(1).max(20)).min(1).max(30).describe('诉求类别'),
    maxPhotos: z.number().int().min(0).max(3).describe('每件最多照片（张）'),
    photoMaxKb: z.number().int().min(100).max(5120).describe('每张照片大小上限（KB）'),
  }),
  defaults: {
    // the categories of the real citizen-message set (问政留言) the demo uses
    categories: ['城乡建设', '环境保护', '交通运输', '教育文体', '劳动和社会保障', '商贸旅游', '卫生健康', '社会治理', '其他'],
    maxPhotos: 3,
    photoMaxKb: 2048,
  },
});
export type RequestSettings = typeof requestSettings.defaults;
