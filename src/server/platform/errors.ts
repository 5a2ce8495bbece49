/**
 * The one error type of the platform. Every failure a person can cause maps to a code, an HTTP
 * status and a Chinese message that names the field (Documenso's AppError). Database errors are
 * translated at the edge (http/error-handler.ts), never shown raw.
 */
export const errorStatus = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  invalid_state: 409,
  too_large: 413,
  locked: 423,
  rate_limited: 429,
  internal: 500,
  /** a part of the server (fonts, a browser) is missing: the administrator must install it */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldIssue {
  /** dotted path of the field, e.g. `members.3.name` */
  field: string;
  /** Chinese label of the field, e.g. 姓名 */
  label: string;
  message: string;
}

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
