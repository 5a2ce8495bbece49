import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import { fieldIssues } from './validation.js';

/**
 * Validates body, query and params with their zod schemas and reports failures as the one
 * AppError with every bad field named in Chinese (see validation.ts for the labels).
 */
export const zodValidator: FastifySchemaCompiler<z.ZodType> = ({ schema }) => (data) => {
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data };
  return { error: AppError.validation(fieldIssues(schema, result.error.issues)) as any };
};
