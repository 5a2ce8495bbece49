import type { FastifyContextConfig } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { errorStatus } from '../../../shared/http/errors.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { answerComponents, answerResponse } from './answers.js';

/**
 * The API document's contract beyond each route's own schema: an operation id for every operation,
 * how a caller authenticates (the session cookie, and the CSRF header on writes), and the error
 * answers every operation may give, in the one shape the error handler sends.
 */
export const openapiComponents = {
  securitySchemes: {
    session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: '登录后服务器设置的会话 Cookie（HttpOnly）' },
    csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: '写操作须带会话的 CSRF 令牌（GET /api/auth/me 返回 csrfToken）' },
  },
  schemas: {
    Error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(errorStatus), description: '错误代码' },
        message: { type: 'string', description: '中文错误说明，指明出错的字段' },
        fields: {
          type: 'array',
          description: '输入有误的字段',
          items: {
            type: 'object',
            required: ['field', 'label', 'message'],
            properties: { field: { type: 'string' }, label: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;

const errorAnswer = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** The refusals any operation may give; a private one adds not signed in and not allowed. */
function errorResponses(isPublic: boolean, writes: boolean) {
  return {
    400: errorAnswer('输入有误（指明字段）'),
    ...(isPublic ? {} : { 401: errorAnswer('未登录或会话已过期'), 403: errorAnswer('没有权限（或 CSRF 令牌不符）') }),
    404: errorAnswer('记录不存在或无权查看'),
    ...(writes ? { 409: errorAnswer('记录已被他人修改，或当前状态不允许此操作') } : {}),
    429: errorAnswer('请求过于频繁'),
  };
}

/** `POST /api/proposals/:id/actions/:action` → `postProposalsByIdActionsByAction`: unique, as method and path are. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .join('-')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/**
 * fastify-swagger's transform: the zod schemas as JSON Schema, then the contract above, and the
 * success answer the route declares (`config.answers`, answers.ts) or a generic one.
 */
export function openapiTransform(input: TransformInput) {
  const out = jsonSchemaTransform(input);
  const method = [input.route.method].flat()[0];
  const config = input.route.config as FastifyContextConfig | undefined;
  const isPublic = config?.public === true;
  const writes = method !== 'GET' && method !== 'HEAD';
  const schema = (out.schema ?? {}) as Record<string, unknown>;
  const own = (schema.response ?? {}) as Record<string, unknown>;
  return {
    ...out,
    schema: {
      ...schema,
      operationId: operationIdOf(method, input.url),
      security: isPublic ? [] : [(writes ? { session: [], csrf: [] } : { session: [] }) as Record<string, string[]>],
      response: { ...(answerResponse(config?.answers) ?? { 200: { description: '成功' } }), ...errorResponses(isPublic, writes), ...own },
    },
  };
}

/** fastify-swagger's transformObject: the answer schemas the routes named, once each, beside Error. */
export function openapiTransformObject({ openapiObject }: { openapiObject: Record<string, any> }) {
  const components = openapiObject.components ?? {};
  return { ...openapiObject, components: { ...components, schemas: { ...components.schemas, ...answerComponents() } } };
}
