import { useState, type FormEvent } from 'react';
import { ApiError } from '../../app/api';
import { useChallenge } from './useChallenge';

/**
 * A public form of plain controls (see plain.tsx): sends the form's fields with the server's
 * arithmetic question, puts the server's field errors on the fields (`errors.form` for the rest).
 * A question can be answered once: a new one is asked after a send that reached it — accepted, or
 * refused on the question or past the fields' checks — while a refusal of another field leaves it
 * (the server checks every field before it uses the question up).
 */
export function usePublicForm<T>(committeeId: string | undefined, post: (values: Record<string, string>, data: FormData) => Promise<T>, onDone: (answer: T) => void) {
  const [round, setRound] = useState(0);
  const { challenge, next } = useChallenge(committeeId, round);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // `data` as the browser gathered it (files too, for a multipart form), `values` its text fields
    const data = new FormData(e.currentTarget);
    if (challenge) data.set('challengeId', challenge.id);
    const values = Object.fromEntries([...data].filter((kv): kv is [string, string] => typeof kv[1] === 'string'));
    setBusy(true);
    setErrors({});
    let used = true;
    try {
      onDone(await post(values, data));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // a question that expired or was used up is told on the answer's field
      const fields = err.fields.map((f) => [f.field === 'challengeId' ? 'challengeAnswer' : f.field, f.message] as const);
      used = !fields.length || fields.some(([f]) => f === 'challengeAnswer');
      setErrors(fields.length ? Object.fromEntries(fields) : { form: err.message });
    } finally {
      setBusy(false);
      if (used) setRound((r) => r + 1);
    }
  };
  return { challenge, next, errors, busy, onSubmit: (e: FormEvent<HTMLFormElement>) => void onSubmit(e) };
}
