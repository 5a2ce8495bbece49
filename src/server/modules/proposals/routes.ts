import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { parseInput } from '../../platform/http/validation.js';
import { authorize } from '../../platform/policy/policy.js';
import { recordInstruction } from '../../platform/handling/instructions.js';
import { getSettings } from '../../platform/settings/settings.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { actionBodies, actionParams, assignBody, attachmentParams, cosignResponse, idParams, instructionBody, mergeBody, proposalDraft, proposalPatch, proposalQuery, publishBody, rateBody } from '../../../shared/proposals/inputs.js';
import { proposalPaths as paths } from '../../../shared/proposals/paths.js';
import { proposalDetail, proposalOptions, proposalPage } from '../../../shared/proposals/responses.js';
import { loadProposal } from './load.js';
import { proposalPolicy } from './policy.js';
import { presentDetail, presentList } from './presenter.js';
import { readProposalPage } from './detail-reads.js';
import { listProposals } from './queries.js';
import { proposalSettings } from './settings.js';
import { collectiveBodiesOf, createProposal, updateProposal } from './commands/draft-proposal.js';
import { respondToInvitation } from './commands/respond-cosign.js';
import { decideProposal } from './commands/decide-proposal.js';
import { mergeProposals } from './commands/merge-proposals.js';
import { assignProposal, rateProposal } from './commands/handle-proposal.js';
import { publishProposal } from './commands/mark-proposal.js';
import { and, desc, eq } from 'drizzle-orm';
import { plenarySessions } from '../org/schema.js';
import { sessionFor } from './sessions.js';
import { proposalFiles } from './commands/attachments.js';
import { sendAttachment, uploadedFile } from '../../platform/attachments/http.js';

const tags = ['proposals'];

/** 提案: drafting, co-signing, review and decision, assignment, rating, key proposals, instructions. */
export async function proposalRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const { db } = database;
  // the app's clock read at request time (a test may move it after the app is built), so a list's
  // "overdue" agrees with the cockpit's and the home page's figures that link to it
  const today = () => chinaToday(app.services.now());
  // the page: its row, parties and lists in one statement (a read, and every write's answer)
  const detail = async (req: FastifyRequest, id: string) => {
    const actor = actorOf(req);
    const { subject, lists } = await readProposalPage(db, actor, id);
    return presentDetail(db, actor, subject, today(), lists);
  };

  r.get(paths.list, { config: { answers: { proposalPage } }, schema: { querystring: proposalQuery, tags, summary: '提案列表' } }, async (req) => {
    const actor = actorOf(req);
    const { items, total, read } = await listProposals(db, actor, req.query, today());
    return { items: await presentList(db, actor, items, today(), read), total };
  });

  r.get(paths.options, { config: { answers: { proposalOptions } }, schema: { tags, summary: '提案表单选项（类别、理由、答复类别）' } }, async (req) => {
    const actor = actorOf(req);
    // the plenary sessions, newest first, and which one today's proposals belong to: lists open on it,
    // and its year's settings are the ones a proposal written today follows (decide-proposal.ts)
    const current = await sessionFor(db, actor.committeeId, today());
    const s = await getSettings(db, proposalSettings, actor.committeeId, current?.year ?? Number(today().slice(0, 4)));
    const bodies = await collectiveBodiesOf(db, actor);
    // null: any body (the proposal office); a list: the bodies this account enters collective proposals for
    const sessions = (await db.select({ id: plenarySessions.id, name: plenarySessions.name, year: plenarySessions.year }).from(plenarySessions).where(eq(plenarySessions.committeeId, actor.committeeId)).orderBy(desc(plenarySessions.startDate)))
      .map((x) => ({ ...x, current: x.id === current?.id }));
    return { categories: s.categories, rejectReasons: s.rejectReasons, answerClasses: s.answerClasses, reviewSteps: s.reviewSteps, collectiveBodies: bodies === 'any' ? null : bodies, sessions };
  });

  r.get(paths.detail, { config: { answers: { proposalDetail } }, schema: { params: idParams, tags, summary: '提案详情' } }, async (req) => detail(req, req.params.id));

  r.post(paths.list, { config: { answers: { proposalDetail } }, schema: { body: proposalDraft, tags, summary: '新建提案草稿' } }, async (req) => {
    const p = await createProposal(contextOf(req), { draft: req.body });
    return detail(req, p.id);
  });

  r.patch(paths.detail, { config: { answers: { proposalDetail } }, schema: { params: idParams, body: proposalPatch, tags, summary: '修改提案草稿' } }, async (req) => {
    await updateProposal(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });

  r.post(paths.attachments, { config: { answers: { proposalDetail } }, schema: { params: idParams, tags, summary: '上传附件（草稿或退回修改时）', consumes: ['multipart/form-data'] } }, async (req) => {
    await proposalFiles.attach(contextOf(req), { id: req.params.id, file: await uploadedFile(req) });
    return detail(req, req.params.id);
  });
  r.get(paths.attachment, { config: { answers: 'file' }, schema: { params: attachmentParams, tags, summary: '下载附件' } }, async (req, reply) =>
    sendAttachment(reply, await proposalFiles.file(db, actorOf(req), req.params.id, req.params.attachmentId)),
  );
  r.post(paths.removeAttachment, { config: { answers: { proposalDetail } }, schema: { params: attachmentParams, tags, summary: '删除附件（草稿或退回修改时）' } }, async (req) => {
    await proposalFiles.remove(contextOf(req), { id: req.params.id, attachmentId: req.params.attachmentId });
    return detail(req, req.params.id);
  });

  r.post(paths.cosign, { config: { answers: { proposalDetail } }, schema: { params: idParams, body: cosignResponse, tags, summary: '确认或谢绝联名' } }, async (req) => {
    await respondToInvitation(contextOf(req), { id: req.params.id, accept: req.body.accept });
    return detail(req, req.params.id);
  });

  r.post(paths.action, { config: { answers: { proposalDetail } }, schema: { params: actionParams, tags, summary: '审查与决定（提交、预审、复审、立案、不予立案、转办、退回、撤回）' } }, async (req) => {
    const { id, action } = req.params;
    const input = parseInput(actionBodies[action], req.body);
    await decideProposal(contextOf(req), { id, action, input: input as any });
    return detail(req, id);
  });

  r.post(paths.merge, { config: { answers: { proposalDetail } }, schema: { body: mergeBody, tags, summary: '并案' } }, async (req) => {
    await mergeProposals(contextOf(req), req.body);
    return detail(req, req.body.primaryId);
  });

  r.post(paths.assign, { config: { answers: { proposalDetail } }, schema: { params: idParams, body: assignBody, tags, summary: '交办' } }, async (req) => {
    await assignProposal(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });

  r.post(paths.rate, { config: { answers: { proposalDetail } }, schema: { params: idParams, body: rateBody, tags, summary: '提案人评价' } }, async (req) => {
    await rateProposal(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });


  r.post(paths.publish, { config: { answers: { proposalDetail } }, schema: { params: idParams, body: publishBody, tags, summary: '在门户公开' } }, async (req) => {
    const ctx = contextOf(req);
    const current = await presentDetail(db, ctx.actor, await loadProposal(db, ctx.actor, req.params.id), ctx.today);
    await publishProposal(ctx, { id: req.params.id, version: req.body.version, publish: req.body.publish, disclosable: current.replies.every((x) => x.disclose) });
    return detail(req, req.params.id);
  });

  r.post(paths.instructions, { config: { answers: { proposalDetail } }, schema: { params: idParams, body: instructionBody, tags, summary: '领导批示' } }, async (req) => {
    const actor = actorOf(req);
    const p = await loadProposal(db, actor, req.params.id);
    authorize(proposalPolicy, 'instruct', actor, p);
    const b = req.body;
    await recordInstruction(contextOf(req), { subjectType: 'proposal', subjectId: p.id, text: b.text, level: b.level, instructedOn: b.instructedOn ?? today(), leaderName: b.leaderName || actor.name });
    return detail(req, p.id);
  });
}
