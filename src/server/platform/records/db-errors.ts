import { AppError } from '../errors.js';

/**
 * Translates database errors at the edge: a unique violation becomes a field error naming the
 * field; anything else passes on (and becomes a logged 500 with a generic Chinese message).
 */
export function translateDbError(err: unknown, uniqueFields: Record<string, { field: string; label: string }> = {}): unknown {
  if (err instanceof AppError) return err;
  const e = (err as any)?.cause ?? err;
  const code = e?.code as string | undefined;
  if (code === '23505') {
    const constraint = String(e?.constraint ?? e?.message ?? '');
    const hit = Object.entries(uniqueFields).find(([name]) => constraint.includes(name));
    if (hit) return AppError.field(hit[1].field, hit[1].label, '已存在相同的值');
    return new AppError('conflict', '已存在相同的记录');
  }
  if (code === '22001') return new AppError('validation', '输入内容过长');
  if (code === '22P02' || code === '22007' || code === '22008') return new AppError('validation', '输入格式不正确');
  if (code === '40001' || code === '40P01') return new AppError('conflict', '操作冲突，请重试');
  return err;
}
