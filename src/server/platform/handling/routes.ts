import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../http/context.js';
import { chinaToday } from '../calendar/workdays.js';
import { decideExtension, decideObjection, objectToAssignment, requestExtension, sendOpinion, signAssignment } from './assignments.js';
import { listContacts, logContact } from './contacts.js';
import { saveReply, sendReply, signReply } from './replies.js';

const id = z.object({ id: z.uuid().describe('编号') });
const subject = z.object({ type: z.enum(['proposal', 'opinion']).describe('事项类型'), subjectId: z.uuid().describe('事项编号') });
const version = z.number().int().min(1).describe('版本');
const tags = ['handling'];

/** 办理: what units and the overseeing office do with an assignment, for every subject type. */
export async function handlingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, now } = app.services;
  const today = () => chinaToday(now());

  r.post('/api/handling/assignments/:id/sign', { schema: { params: id, body: z.object({ version }), tags, summary: '签收' } }, async (req) =>
    signAssignment(database, actorOf(req), req.params.id, req.body.version),
  );
  r.post('/api/handling/assignments/:id/object', { schema: { params: id, body: z.object({ version, reason: z.string().trim().min(4).max(1000).describe('异议理由') }), tags, summary: '对交办提出异议' } }, async (req) =>
    objectToAssignment(database, actorOf(req), req.params.id, req.body.version, req.body.reason, today()),
  );
  r.post(
    '/api/handling/assignments/:id/objection-decision',
    { schema: { params: id, body: z.object({ version, accept: z.boolean().describe('是否同意'), replacementUnitId: z.uuid().nullish().describe('改交单位'), note: z.string().trim().min(2).max(1000).describe('处理意见') }), tags, summary: '处理异议' } },
    async (req) => decideObjection(database, actorOf(req), req.params.id, req.body.version, req.body, today()),
  );
  r.post(
    '/api/handling/assignments/:id/extension',
    { schema: { params: id, body: z.object({ version, days: z.number().int().min(1).max(130).describe('延期工作日'), reason: z.string().trim().min(4).max(1000).describe('延期理由') }), tags, summary: '申请延期' } },
    async (req) => requestExtension(database, actorOf(req), req.params.id, req.body.version, req.body.days, req.body.reason),
  );
  r.post('/api/handling/assignments/:id/extension-decision', { schema: { params: id, body: z.object({ version, approve: z.boolean().describe('是否批准') }), tags, summary: '审批延期' } }, async (req) =>
    decideExtension(database, actorOf(req), req.params.id, req.body.version, req.body.approve),
  );
  r.post('/api/handling/assignments/:id/opinion', { schema: { params: id, body: z.object({ version, text: z.string().trim().min(4).max(5000).describe('协办意见') }), tags, summary: '协办/会办单位提交意见' } }, async (req) =>
    sendOpinion(database, actorOf(req), req.params.id, req.body.version, req.body.text),
  );
  r.get('/api/handling/contacts', { schema: { querystring: subject, tags, summary: '沟通记录' } }, async (req) => ({
    items: await listContacts(database.db, actorOf(req), req.query.type, req.query.subjectId),
  }));
  r.post(
    '/api/handling/contacts',
    {
      schema: {
        body: subject.extend({
          stage: z.enum(['before', 'during', 'after']).describe('沟通阶段'),
          method: z.enum(['visit', 'phone', 'meeting', 'message']).describe('沟通方式'),
          contactOn: z.iso.date().describe('沟通日期'),
          summary: z.string().trim().min(4).max(3000).describe('沟通情况'),
          unitId: z.uuid().nullish().describe('沟通单位'),
        }),
        tags,
        summary: '记录与提案人沟通',
      },
    },
    async (req) => {
      const { type, subjectId, ...input } = req.body;
      return logContact(database, actorOf(req), type, subjectId, input, today());
    },
  );
  r.post(
    '/api/handling/replies',
    {
      schema: {
        body: subject.extend({
          version: version.optional(),
          answerClass: z.string().min(1).max(4).describe('答复类别'),
          body: z.string().trim().min(20).max(20000).describe('答复正文'),
          contactPerson: z.string().trim().min(1).max(40).describe('联系人'),
          contactPhone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/).describe('联系电话'),
          disclose: z.boolean().describe('是否公开'),
          nondisclosureReason: z.string().trim().max(500).nullish().describe('不公开理由'),
        }),
        tags,
        summary: '起草或修改答复',
      },
    },
    async (req) => {
      const { type, subjectId, version: v, ...draft } = req.body;
      return saveReply(database, actorOf(req), type, subjectId, draft, v);
    },
  );
  r.post('/api/handling/replies/:id/sign', { schema: { params: id, body: z.object({ version, signedBy: z.string().trim().min(2).max(40).describe('签发人') }), tags, summary: '签发答复' } }, async (req) =>
    signReply(database, actorOf(req), req.params.id, req.body.version, req.body.signedBy),
  );
  r.post('/api/handling/replies/:id/send', { schema: { params: id, body: z.object({ version }), tags, summary: '发送答复' } }, async (req) =>
    sendReply(database, actorOf(req), req.params.id, req.body.version),
  );
}
