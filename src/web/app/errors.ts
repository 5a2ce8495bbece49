import type { FormInstance } from 'antd';
import { ApiError, api } from './api';
import { feedback } from './feedback';
import { announce } from './ui/announce';

export const VERSION_CONFLICT_TEXT = '该记录已被他人修改，请刷新后重试';

/** `members.3.name` → ['members', 3, 'name'], the name path antd Form expects. */
export const namePath = (field: string) => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** Shows any failure to the person: the server's Chinese message, or a generic one. */
export function showError(err: unknown) {
  if (err instanceof ApiError) {
    if (err.status === 401) return; // api.ts already sends the person to /login
    if (err.code === 'version_conflict') feedback.message.warning(VERSION_CONFLICT_TEXT);
    else feedback.message.error(err.message);
  } else {
    console.error(err);
    feedback.message.error('操作失败，请稍后重试');
  }
}

/**
 * Puts the server's field issues on the form's fields. Returns true when every issue landed on a
 * field of the form, so the caller need not repeat them in a message.
 */
export function applyFormErrors(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false;
  const registered = form.getFieldsValue() as Record<string, unknown>;
  form.setFields(err.fields.map((f) => ({ name: namePath(f.field), errors: [f.message] })));
  announce(`请检查：${err.fields.map((f) => f.message).join('；')}`);
  return err.fields.every((f) => namePath(f.field)[0] in registered);
}

interface SubmitOptions {
  /** Shown after success. */
  success?: string;
  /** Called on a version conflict: reload the record so the next save carries its new version. */
  onConflict?: () => void;
}

/**
 * Runs a save for a form: field errors go onto the form, a version conflict reloads the record,
 * anything else is shown as a message. Resolves to the result, or undefined when it failed.
 *
 * @example const saved = await submitForm(form, () => api.patch(pathTo(orgPaths.catalogItem, { kind: 'units', id }), values), { success: '已保存', onConflict: reload });
 */
export async function submitForm<T>(form: FormInstance, action: () => Promise<T>, opts: SubmitOptions = {}): Promise<T | undefined> {
  try {
    const result = await action();
    if (opts.success) feedback.message.success(opts.success);
    return result;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'version_conflict') {
      feedback.message.warning(VERSION_CONFLICT_TEXT);
      opts.onConflict?.();
      return undefined;
    }
    if (!applyFormErrors(form, err)) showError(err);
    return undefined;
  }
}

/** Runs an action outside a form (toggle, mark read) with the same error handling. */
export async function run<T>(action: () => Promise<T>, opts: SubmitOptions = {}): Promise<T | undefined> {
  try {
    const result = await action();
    if (opts.success) feedback.message.success(opts.success);
    return result;
  } catch (err) {
    showError(err);
    if (err instanceof ApiError && err.code === 'version_conflict') opts.onConflict?.();
    return undefined;
  }
}

/**
 * Downloads a file through the API; a failure (refused, not found, the server could not render it,
 * the network) is shown to the person as a message, never left as an uncaught error in the page.
 * Resolves to whether the file was handed to the browser.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<boolean> {
  return (await run(async () => {
    await api.download(path, fallbackName);
    return true;
  })) ?? false;
}
