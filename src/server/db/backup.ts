import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';

const FORMAT = 'shangliang-backup/1';

/** The product's tables (schema public), found in the catalog so a new module's table is never forgotten. */
export async function userTables(database: Database): Promise<string[]> {
  const rows = await database.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((r) => r.table_name);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Per table, its columns in order and whether each goes as text: a bigint or numeric beyond 2^53
 * (a roster's sum of 64-bit hashes) would be rounded as a JSON number by JSON.parse, and the
 * restored row would differ. A text value goes back into its column unchanged on restore.
 */
async function exactColumns(database: Database): Promise<Map<string, { name: string; asText: boolean }[]>> {
  const rows = await database.query<{ table_name: string; column_name: string; data_type: string }>(
    `select table_name, column_name, data_type from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
  );
  const out = new Map<string, { name: string; asText: boolean }[]>();
  for (const r of rows) {
    const list = out.get(r.table_name) ?? out.set(r.table_name, []).get(r.table_name)!;
    list.push({ name: r.column_name, asText: r.data_type === 'bigint' || r.data_type === 'numeric' });
  }
  return out;
}

const selectExact = (table: string, columns: { name: string; asText: boolean }[]) =>
  columns.some((c) => c.asText)
    ? `select ${columns.map((c) => (c.asText ? `${quote(c.name)}::text as ${quote(c.name)}` : quote(c.name))).join(', ')} from ${quote(table)}`
    : `select * from ${quote(table)}`;

/**
 * Dumps every table as JSON rows inside one read-only, repeatable-read transaction — a consistent
 * snapshot while the server keeps running. The same file restores on PGlite or PostgreSQL.
 */
export async function backupTo(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const { bytes, ...counts } = await backupBytes(database);
  writeFileSync(file, bytes);
  return counts;
}

/** The backup file's bytes (gzip JSON); the running server hands these to `cli backup` on the embedded database. */
export async function backupBytes(database: Database): Promise<{ bytes: Buffer; tables: number; rows: number }> {
  const tables = await userTables(database);
  const exact = await exactColumns(database);
  const data: Record<string, unknown[]> = {};
  let rows = 0;
  await database.db.transaction(
    async (tx) => {
      for (const t of tables) {
        const res: any = await tx.execute(sql`select coalesce(json_agg(t), '[]'::json)::text as rows from (${sql.raw(selectExact(t, exact.get(t) ?? []))}) t`);
        const list = res.rows[0].rows as string;
        data[t] = JSON.parse(list);
        rows += data[t].length;
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const body = JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString(), tables: data });
  return { bytes: gzipSync(body), tables: tables.length, rows };
}

/**
 * Restores a backup into a migrated database, replacing its content, in one transaction: either
 * everything is restored or nothing changes.
 */
export async function restoreFrom(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const parsed = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  if (parsed.format !== FORMAT) throw new Error(`不是本系统的备份文件（格式：${parsed.format ?? '未知'}）`);
  const tables = await userTables(database);
  const missing = Object.keys(parsed.tables).filter((t) => !tables.includes(t));
  if (missing.length) throw new Error(`备份中的表在当前数据库中不存在：${missing.join('、')}（请先升级程序）`);
  let rows = 0;
  await database.db.transaction(async (tx) => {
    // the rows are a faithful copy: triggers (e.g. the performance queue fed by ledger inserts)
    // must not add rows of their own next to the restored ones
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql.raw(`truncate ${tables.map(quote).join(', ')}`));
    for (const [t, list] of Object.entries(parsed.tables as Record<string, unknown[]>)) {
      if (list.length === 0) continue;
      await tx.execute(sql`insert into ${sql.raw(quote(t))} select * from json_populate_recordset(null::${sql.raw(quote(t))}, ${JSON.stringify(list)}::json)`);
      rows += list.length;
    }
    // a backup made before a table existed leaves it empty; a table derived from others (kept by
    // triggers, which are off above) is rebuilt from the restored rows by its migration's
    // shangliang_rebuild_<table>() — an older backup would otherwise restore, say, ledger entries
    // without their counts, and the scores read from those would be wrong
    const absent = tables.filter((t) => !(t in parsed.tables));
    const rebuilds: any = absent.length
      ? await tx.execute(sql`select proname from pg_proc where proname in (${sql.join(absent.map((t) => sql`${`shangliang_rebuild_${t}`}`), sql`, `)}) order by oid`)
      : { rows: [] };
    for (const { proname } of rebuilds.rows as { proname: string }[]) await tx.execute(sql.raw(`select ${proname}()`));
    // serial columns (the audit log's seq, the outbox's id, any later one) continue after the restored rows
    const serials: any = await tx.execute(sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and column_default like 'nextval(%'`);
    for (const { table_name: t, column_name: c } of serials.rows as { table_name: string; column_name: string }[]) {
      await tx.execute(sql.raw(`select setval(pg_get_serial_sequence('${quote(t)}', '${c}'), coalesce((select max(${quote(c)}) from ${quote(t)}), 0) + 1, false)`));
    }
  });
  return { tables: Object.keys(parsed.tables).length, rows };
}

/** A checksum per table over its rows in a stable order: equal checksums mean identical data. */
export async function tableChecksums(database: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of await userTables(database)) {
    const rows = await database.query<{ j: string }>(`select row_to_json(t)::text as j from ${quote(t)} t`);
    const sorted = rows.map((r) => r.j).sort();
    out[t] = createHash('sha256').update(sorted.join('\n')).digest('hex');
  }
  return out;
}
