import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../../shared/proposals/inputs.js';
import { proposalPaths as paths } from '../../../../shared/proposals/paths.js';
import { proposalDocuments } from '../../../../shared/proposals/responses.js';
import { actorOf } from '../../../platform/http/context.js';
import { documentFormats, sendDocument } from '../../../platform/documents/send.js';
import { documentKinds, type DocumentKind } from './policy.js';
import { availableDocuments, proposalDocument } from './service.js';

const fileParams = idParams.extend({
  kind: z.enum(Object.keys(documentKinds) as [DocumentKind, ...DocumentKind[]]).describe('文书类型'),
  format: z.enum(documentFormats).describe('文件格式'),
});
const fileQuery = z.object({ assignmentId: z.uuid().optional().describe('交办记录') });
const tags = ['proposals'];

/** 提案文书: the proposal form, assignment notices and reply letters as .docx or PDF. */
export async function proposalDocumentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.services.database;

  r.get(paths.documents, { config: { answers: { proposalDocuments } }, schema: { params: idParams, tags, summary: '可下载的提案文书' } }, async (req) => ({
    items: await availableDocuments(db, actorOf(req), req.params.id),
  }));

  r.get(
    paths.document,
    { config: { answers: 'document' }, schema: { params: fileParams, querystring: fileQuery, tags, summary: '下载提案表、交办通知书或答复函 (.docx / .pdf)' } },
    async (req, reply) => {
      const { doc, basename, asciiName } = await proposalDocument(db, actorOf(req), req.params.id, req.params.kind, req.query.assignmentId);
      return sendDocument(reply, doc, req.params.format, basename, asciiName);
    },
  );
}
