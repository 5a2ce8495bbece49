import { useEffect, useState } from 'react';
import { useGet } from '../query';

/** `value`, once it has stopped changing for `ms`: one request per pause in typing, not per key. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

interface Options {
  limit: number;
  /** the record being edited, left out of its own matches */
  exclude?: string;
  /** wait this long after the last keystroke */
  debounceMs?: number;
}

/** Fewer characters say too little about the problem to look for it. */
const MIN_CHARS = 6;
/** Long texts are cut here: the start says enough, and the address stays short. */
const MAX_CHARS = 3000;

/**
 * Records like `text`, from a module's similar route (`{ text, limit, exclude }` → rows best
 * first); null before there is enough text. Each answer belongs to the text it was asked for, so a
 * slow answer to an earlier text never replaces a newer one. A failed look-up only empties the
 * list: it must never get in the way of writing.
 */
export function useSimilar<T>(path: string, text: string, { limit, exclude, debounceMs = 500 }: Options) {
  const settled = useDebounced([...text.trim()].slice(0, MAX_CHARS).join(''), debounceMs);
  const enough = [...settled].length >= MIN_CHARS;
  const { data, isError, isFetching } = useGet<T[]>(path, { text: settled, limit, exclude }, { enabled: enough, quiet: true, keepPrevious: true });
  return { items: !enough ? null : isError ? ([] as T[]) : (data ?? null), busy: enough && isFetching };
}
