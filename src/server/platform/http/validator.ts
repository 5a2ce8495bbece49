import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import { checkInput } from './validation.js';

/**
 * Validates body, query and params with their zod schemas and reports failures as the one
 * AppError with every bad field named in Chinese (see validation.ts for the labels). Strings that
 * are not text (NUL and other control characters, lone surrogates) are refused first, whatever the
 * schema says, so they never reach the database as a 500.
 */
export const zodValidator: FastifySchemaCompiler<z.ZodType> = ({ schema }) => (data) => {
  const checked = checkInput(schema, data);
  return checked.success ? { value: checked.data } : { error: AppError.validation(checked.issues) as any };
};
