import { z } from 'zod';
import { contentTypes } from '../documents/send.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Downloads: a stored attachment (its type from its name), an official document (.docx or ?format=pdf), a workbook. */
const fileTypes = {
  file: ['application/octet-stream'],
  document: [contentTypes.docx, contentTypes.pdf],
  xlsx: [XLSX],
} as const;

/**
 * What a route answers, for the API document only: `{ proposalDetail }` (the shared response schema,
 * named by its key), a download kind, or 'none'. The app sets no response serializer, so this never
 * shapes or checks what is sent; test/foundation/openapi.service.test.ts calls the routes and checks
 * their answers against it. Declared on the route: `config: { answers: { proposalDetail } }`.
 */
export type Answer = { [name: string]: z.ZodType } | keyof typeof fileTypes | 'none';

/**
 * The named answer schemas of every route, one component each: a schema met inside another (a row
 * inside its page) becomes a reference, so the document holds each shape once. One name for two
 * different shapes is a mistake in a route and stops the document; the same shape built again (a
 * route's inline `z.array(row)`, in a second app of the same process) is the same component.
 */
const registry = z.registry<{ id: string }>();
const shapeOf = (schema: z.ZodType) => JSON.stringify(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }));

function componentOf(name: string, schema: z.ZodType): string {
  const known = registry.get(schema)?.id;
  if (known) return known;
  const id = name[0].toUpperCase() + name.slice(1);
  const named = registry._idmap.get(id);
  if (named && shapeOf(named as z.ZodType) !== shapeOf(schema)) throw new Error(`答复结构名 ${id} 指向两个不同的结构：换一个名字`);
  if (!named) registry.add(schema, { id });
  return id;
}

const binary = { schema: { type: 'string', format: 'binary' } };

/** The success answer of an operation in the document (undefined: not declared yet, the generic one). */
export function answerResponse(answer: Answer | undefined): Record<string, unknown> | undefined {
  if (answer === undefined) return undefined;
  if (answer === 'none') return { 204: { description: '成功，无内容', type: 'null' } };
  if (typeof answer === 'string') {
    return { 200: { description: '成功：文件下载（Content-Disposition 给出文件名）', content: Object.fromEntries(fileTypes[answer].map((t) => [t, binary])) } };
  }
  const [[name, schema], ...more] = Object.entries(answer);
  if (more.length) throw new Error(`一个路由只答复一种结构：${Object.keys(answer).join('、')}`);
  return { 200: { description: '成功', content: { 'application/json': { schema: { $ref: `#/components/schemas/${componentOf(name, schema)}` } } } } };
}

/**
 * The answer schemas as OpenAPI 3.0 components, as the web receives them: an instant (a Date on the
 * server) is an ISO date-time string. An object is closed (`additionalProperties: false`, as zod
 * writes an output object): it sends the fields its schema lists and no other. The document's test
 * holds the real answers of the demo data to exactly the listed fields, so a presenter that spreads
 * a row cuts it (onlyDeclared); a new field is declared in the shared schema, which a client ignores
 * until it knows it.
 */
export function answerComponents(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(registry, {
    target: 'openapi-3.0',
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
      // a nullable reference (`allOf: [$ref]`): OpenAPI 3.0 wants the type beside `nullable`
      const inner = (ctx.zodSchema._zod.def as { innerType?: z.ZodType }).innerType?._zod.def.type;
      if (ctx.jsonSchema.nullable && !ctx.jsonSchema.type && (inner === 'object' || inner === 'array')) ctx.jsonSchema.type = inner;
    },
  });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $id: _, ...schema }]) => [id, schema]));
}

/** The registered answer schema a component name stands for (the document's test checks real answers against it). */
export const answerSchema = (id: string): z.ZodType | undefined => registry._idmap.get(id) as z.ZodType | undefined;

/**
 * A presented record cut to the fields its answer schema names: for a presenter that builds on a
 * database row, so the row's bookkeeping columns (committee, subject, timestamps) are not sent.
 */
export function onlyDeclared<S extends z.ZodObject, T extends Record<string, unknown>>(schema: S, record: T): Pick<T, keyof T & keyof S['shape']> {
  return Object.fromEntries(Object.keys(schema.shape).filter((k) => k in record).map((k) => [k, record[k]])) as Pick<T, keyof T & keyof S['shape']>;
}
