import { z } from 'zod';

/**
 * A point in time: a Date where the server builds the answer, an ISO string on the wire and in the
 * web. `Wire<S>` is what the web receives, `Presented<S>` what a server presenter returns.
 */
export const instant = z.codec(z.string(), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() });

/** What the web receives for a response schema (dates as ISO strings). */
export type Wire<S extends z.ZodType> = z.input<S>;
/** What a server presenter returns for a response schema (dates as Date). */
export type Presented<S extends z.ZodType> = z.output<S>;

/** Every record carries its version (optimistic locking) and the actions the user may take on it. */
export const versioned = z.object({ id: z.string(), version: z.number(), actions: z.array(z.string()) });

/** A list answer: the rows and what the user may do on the list (e.g. 'create'). */
export const listOf = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item), actions: z.array(z.string()) });
/** A list answer without list-level actions. */
export const itemsOf = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item) });

/** A file stored on a record, as lists of attachments show it. */
export const attachment = z.object({ id: z.string(), filename: z.string(), size: z.number(), uploadedByName: z.string(), uploadedAt: instant });
export type Attachment = Wire<typeof attachment>;

/** One line of a record's timeline, its action already in Chinese. */
export const historyEntry = z.object({ action: z.string(), actionLabel: z.string(), actorName: z.string(), at: instant, note: z.string().nullable() });
export type HistoryEntry = Wire<typeof historyEntry>;

/** A write with nothing to show but that it was done (logout, password change). */
export const okAnswer = z.object({ ok: z.literal(true) });

/**
 * A public form received (a question to a studio, a topic for consultation, a word in a 议政室):
 * what the sender is told, nothing of what was stored — it is public only after the office reviews it.
 */
export const publicFormReceived = z.object({ message: z.string() });
export type PublicFormReceived = z.input<typeof publicFormReceived>;

/** The health check: the database answered (and which kind it is). */
export const health = z.object({ status: z.literal('ok'), db: z.string() });
