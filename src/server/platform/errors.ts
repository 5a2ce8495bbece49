/**
 * The one error type of the platform. Every failure a person can cause maps to a code, an HTTP
 * status and a Chinese message that names the field (Documenso's AppError). Database errors are
 * translated at the edge (http/error-handler.ts), never shown raw.
 */
import { errorStatus, type ErrorCode, type FieldIssue } from '../../shared/http/errors.js';

export { errorStatus, type ErrorCode, type FieldIssue };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldIssue[]; [k: string]: unknown } = {},
  ) {
    super(message);
    this.status = errorStatus[code];
  }

  static validation(fields: FieldIssue[]): AppError {
    const message = fields.map((f) => `${f.label}：${f.message}`).join('；');
    return new AppError('validation', message || '输入有误', { fields });
  }
  /** A field-level error raised by business rules, e.g. a duplicate username. */
  static field(field: string, label: string, message: string): AppError {
    return AppError.validation([{ field, label, message }]);
  }
  static notFound(what = '记录'): AppError {
    return new AppError('not_found', `${what}不存在或无权查看`);
  }
  static forbidden(message = '没有执行此操作的权限'): AppError {
    return new AppError('forbidden', message);
  }
  static versionConflict(): AppError {
    return new AppError('version_conflict', '该记录已被他人修改，请刷新后重试');
  }
  static invalidState(message: string): AppError {
    return new AppError('invalid_state', message);
  }
}
