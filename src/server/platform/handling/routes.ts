import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, contextOf } from '../http/context.js';
import { chinaToday } from '../calendar/workdays.js';
import { decideExtension, decideObjection, objectToAssignment, requestExtension, sendOpinion, signAssignment } from './assignments.js';
import { listContacts, logContact } from './contacts.js';
import { saveReply, sendReply, signReply } from './replies.js';
import { unitWorklist } from './worklist.js';
import { listPromises, recordPromiseOutcome } from './promises.js';
import {
  contactBody, extensionBody, extensionDecisionBody, handledSubject, idParams as id, objectBody, objectionDecisionBody, opinionBody, promiseOutcomeBody, promisesQuery, replyBody, sendReplyBody, signBody, signReplyBody,
} from '../../../shared/handling/inputs.js';
import { handlingPaths as paths } from '../../../shared/handling/paths.js';
import { assignmentRecord, contact, contactList, promiseList, replyRecord, worklist } from '../../../shared/handling/responses.js';
import { onlyDeclared } from '../http/answers.js';

const tags = ['handling'];

/** 办理: what units and the overseeing office do with an assignment, for every subject type. */
export async function handlingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const now = () => app.services.now(); // read at each request: a test may move the clock after registration
  const today = () => chinaToday(now());

  r.get(paths.worklist, { config: { answers: { worklist } }, schema: { tags, summary: '承办单位待办事项' } }, async (req) => unitWorklist(database.db, actorOf(req), today()));
  r.post(paths.sign, { config: { answers: { assignmentRecord } }, schema: { params: id, body: signBody, tags, summary: '签收' } }, async (req) =>
    onlyDeclared(assignmentRecord, await signAssignment(contextOf(req), { id: req.params.id, version: req.body.version })),
  );
  r.post(paths.object, { config: { answers: { assignmentRecord } }, schema: { params: id, body: objectBody, tags, summary: '对交办提出异议' } }, async (req) =>
    onlyDeclared(assignmentRecord, await objectToAssignment(contextOf(req), { id: req.params.id, version: req.body.version, reason: req.body.reason })),
  );
  r.post(paths.objectionDecision, { config: { answers: { assignmentRecord } }, schema: { params: id, body: objectionDecisionBody, tags, summary: '处理异议' } }, async (req) =>
    onlyDeclared(assignmentRecord, await decideObjection(contextOf(req), { id: req.params.id, ...req.body })),
  );
  r.post(paths.extension, { config: { answers: { assignmentRecord } }, schema: { params: id, body: extensionBody, tags, summary: '申请延期' } }, async (req) =>
    onlyDeclared(assignmentRecord, await requestExtension(contextOf(req), { id: req.params.id, version: req.body.version, days: req.body.days, reason: req.body.reason })),
  );
  r.post(paths.extensionDecision, { config: { answers: { assignmentRecord } }, schema: { params: id, body: extensionDecisionBody, tags, summary: '审批延期' } }, async (req) =>
    onlyDeclared(assignmentRecord, await decideExtension(contextOf(req), { id: req.params.id, version: req.body.version, approve: req.body.approve })),
  );
  r.post(paths.opinion, { config: { answers: { assignmentRecord } }, schema: { params: id, body: opinionBody, tags, summary: '协办/会办单位提交意见' } }, async (req) =>
    onlyDeclared(assignmentRecord, await sendOpinion(contextOf(req), { id: req.params.id, version: req.body.version, text: req.body.text })),
  );
  r.get(paths.contacts, { config: { answers: { contactList } }, schema: { querystring: handledSubject, tags, summary: '沟通记录' } }, async (req) => ({
    items: await listContacts(database.db, actorOf(req), req.query.type, req.query.subjectId),
  }));
  r.post(paths.contacts, { config: { answers: { contact } }, schema: { body: contactBody, tags, summary: '记录与提案人沟通' } }, async (req) => {
    return logContact(contextOf(req), req.body);
  });
  r.post(paths.replies, { config: { answers: { replyRecord } }, schema: { body: replyBody, tags, summary: '起草或修改答复' } }, async (req) => {
    return onlyDeclared(replyRecord, await saveReply(contextOf(req), req.body));
  });
  r.post(paths.signReply, { config: { answers: { replyRecord } }, schema: { params: id, body: signReplyBody, tags, summary: '签发答复' } }, async (req) =>
    onlyDeclared(replyRecord, await signReply(contextOf(req), { id: req.params.id, version: req.body.version, signedBy: req.body.signedBy })),
  );
  r.post(paths.sendReply, { config: { answers: { replyRecord } }, schema: { params: id, body: sendReplyBody, tags, summary: '发送答复' } }, async (req) =>
    onlyDeclared(replyRecord, await sendReply(contextOf(req), { id: req.params.id, version: req.body.version })),
  );
  r.get(paths.promises, { config: { answers: { promiseList } }, schema: { querystring: promisesQuery, tags, summary: '答复承诺及兑现情况' } }, async (req) => listPromises(database.db, actorOf(req), today(), req.query));
  r.post(paths.promiseOutcome, { config: { answers: { replyRecord } }, schema: { params: id, body: promiseOutcomeBody, tags, summary: '登记承诺兑现情况' } }, async (req) =>
    onlyDeclared(replyRecord, await recordPromiseOutcome(contextOf(req), { id: req.params.id, ...req.body })),
  );
}
