import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { translateDbError } from '../records/db-errors.js';

/** Fastify's own client errors, in Chinese. */
const fastifyMessages: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: '请求内容不是有效的 JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求内容为空',
  FST_ERR_CTP_BODY_TOO_LARGE: '请求内容过大',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的请求内容类型',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求长度不正确',
  FST_ERR_BAD_URL: '请求地址不正确',
  FST_ERR_MAX_PARAM_LENGTH: '请求地址过长',
  FST_INVALID_MULTIPART_CONTENT_TYPE: '请以表单文件方式上传',
  FST_REQ_FILE_TOO_LARGE: '上传的文件过大',
  FST_ERR_VALIDATION: '输入有误',
};

export function sendError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  const translated = translateDbError(error) as any;
  if (translated instanceof AppError) {
    return reply.status(translated.status).send({ code: translated.code, message: translated.message, ...translated.details });
  }
  const status = Number(translated?.statusCode);
  if (status === 429) return reply.status(429).send({ code: 'rate_limited', message: '请求过于频繁，请稍后再试' });
  if (status >= 400 && status < 500) {
    const message = fastifyMessages[translated.code] ?? '请求有误';
    const code = status === 413 ? 'too_large' : status === 404 ? 'not_found' : status === 415 ? 'unsupported_media_type' : status === 414 ? 'uri_too_long' : 'bad_request';
    return reply.status(status).send({ code, message });
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send({ code: 'internal', message: '服务器内部错误，请稍后重试；如持续出现请联系管理员' });
}
