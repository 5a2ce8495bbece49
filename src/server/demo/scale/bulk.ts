import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A jsonb value (an array given plainly would be written as a PostgreSQL array). */
export class Json {
  constructor(readonly value: unknown) {}
}
export const json = (value: unknown) => new Json(value);

/** A value as COPY's text format writes it: \N for null, arrays as {…}, backslash, tab and line breaks escaped. */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Json) return v.value === null || v.value === undefined ? '\\N' : escape(JSON.stringify(v.value));
  if (Array.isArray(v)) return escape(`{${v.map((x) => `"${String(x).replace(/["\\]/g, (c) => '\\' + c)}"`).join(',')}}`);
  if (typeof v === 'object') throw new Error('COPY: wrap jsonb values in json()');
  return escape(String(v));
}

const escape = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

/** Where COPY text goes: the PostgreSQL server (COPY FROM STDIN) or PGlite (COPY FROM its blob device). */
export interface CopySink {
  copy(table: string, columns: string[], text: string): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
}

export function serverSink(client: pg.PoolClient | pg.Client): CopySink {
  return {
    copy: (table, columns, text) =>
      new Promise<void>((resolve, reject) => {
        const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
        stream.on('error', reject);
        stream.on('finish', () => resolve());
        stream.end(text);
      }),
    query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
  };
}

export function pgliteSink(db: PGlite): CopySink {
  return {
    copy: async (table, columns, text) => {
      await db.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob([text]) });
    },
    query: async (sql, params) => (await db.query(sql, params as unknown[])).rows as Record<string, unknown>[],
  };
}

/**
 * Rows of many tables buffered as COPY text and sent in chunks of a few megabytes, so a ten-million
 * row table never sits in memory whole. `flush()` sends what is left; tables are flushed in the
 * order they were first written, so rows that others point to arrive first.
 */
export class BulkWriter {
  private readonly buffers = new Map<string, { columns: string[]; lines: string[]; bytes: number }>();
  readonly counts = new Map<string, number>();

  constructor(private readonly sink: CopySink, private readonly chunkBytes = 8 << 20) {}

  async add(table: string, columns: string[], row: unknown[]) {
    let b = this.buffers.get(table);
    if (!b) this.buffers.set(table, (b = { columns, lines: [], bytes: 0 }));
    const line = row.map(copyValue).join('\t');
    b.lines.push(line);
    b.bytes += line.length * 2;
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
    if (b.bytes >= this.chunkBytes) await this.send(table);
  }

  private async send(table: string) {
    const b = this.buffers.get(table)!;
    if (!b.lines.length) return;
    const text = b.lines.join('\n') + '\n';
    b.lines = [];
    b.bytes = 0;
    await this.sink.copy(table, b.columns, text);
  }

  async flush() {
    for (const table of this.buffers.keys()) await this.send(table);
  }
}
