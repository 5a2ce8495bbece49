import { useEffect, useId, useState, type ReactNode } from 'react';
import { Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { submitForm } from '../errors';
import { announceFormErrors } from './announce';

interface Props<R> {
  /** Form name: prefixes the field ids (`user_password`), so two dialogs on a page never share an id. */
  name?: string;
  open: boolean;
  title: string;
  /** Values the form starts from; when they change while open (a reload after a conflict) the form follows. */
  initialValues?: object;
  /** Sends the validated values; a thrown ApiError lands on the fields. */
  save(values: Record<string, any>): Promise<R>;
  onSaved(result: R): void;
  onClose(): void;
  onConflict?(): void;
  success?: string;
  width?: number;
  children: ReactNode;
}

/**
 * The add/edit dialog used by every list page: validation, server field errors, the version
 * conflict reload and the success message in one place.
 */
export function FormModal<R>({ name, open, title, initialValues, save, onSaved, onClose, onConflict, success = '已保存', width, children }: Props<R>) {
  const [form] = Form.useForm();
  const fallbackName = `form${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const [busy, setBusy] = useState(false);

  // Opening starts from the initial values. Values that arrive later (their record was still
  // loading) fill only the fields the person has not touched, so nothing chosen or typed is wiped.
  // Keyed on content, so a parent re-rendering with an equal object changes nothing.
  // A date is keyed to the minute: callers write `{ on: dayjs() }`, a new instant on every render,
  // which would otherwise count as new values and be written into the untouched fields each time.
  const valuesKey = JSON.stringify(initialValues ? Object.entries(initialValues).map(([k, v]) => [k, dayjs.isDayjs(v) ? v.format('YYYY-MM-DD HH:mm') : v]) : null);
  useEffect(() => {
    if (open) {
      form.resetFields();
      if (initialValues) form.setFieldsValue(initialValues);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, form]);
  useEffect(() => {
    if (!open || !initialValues) return;
    const untouched = Object.entries(initialValues).filter(([field]) => !form.isFieldTouched(field));
    form.setFieldsValue(Object.fromEntries(untouched));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [valuesKey]);

  const ok = async () => {
    const values = await form.validateFields().catch((failure) => {
      announceFormErrors(failure);
      return null;
    });
    if (!values) return;
    setBusy(true);
    const result = await submitForm(form, () => save(values), { success, onConflict });
    setBusy(false);
    if (result !== undefined) onSaved(result);
  };

  return (
    <Modal title={title} open={open} onOk={ok} onCancel={onClose} confirmLoading={busy} okText="保存" width={width} forceRender>
      <Form form={form} name={name ?? fallbackName} layout="vertical" autoComplete="off">
        {children}
      </Form>
    </Modal>
  );
}
