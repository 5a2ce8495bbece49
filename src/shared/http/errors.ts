/**
 * How a refusal looks on the wire: the server answers every failure with a code (mapped to one HTTP
 * status), a Chinese message and, for bad input, the fields (or spreadsheet rows) at fault; the web
 * puts those issues on the form's fields.
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

/** One problem with one field. */
export interface FieldIssue {
  /** dotted path of the field, e.g. `members.3.name` */
  field: string;
  /** Chinese label of the field, e.g. 姓名 */
  label: string;
  message: string;
}

/** One problem with one spreadsheet row (roster import). */
export interface RowIssue extends FieldIssue {
  row: number;
}

/** The body of every error answer. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldIssue[];
  rows?: RowIssue[];
}
