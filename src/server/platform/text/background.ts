/**
 * Long computations run beside the requests: a computation is a generator that yields between
 * small units of work, and the queue runs one computation at a time, for about SLICE_MS, then hands
 * the event loop back (setImmediate) so requests keep being served in between.
 *
 * Why cooperative slices and not a worker thread: the work (learning a similarity index's latent
 * space) reads the index's posting lists, which a worker could only see copied — tens of megabytes
 * at a hundred thousand documents, each time. Why one at a time: each computation holds its own
 * scratch memory; a node that starts with a hundred committees must not hold a hundred of them.
 *
 * @example
 * const task = runInBackground(function* () { let s = 0; for (let i = 0; i < 1e9; i++) { s += i; if (i % 1e5 === 0) yield; } return s; }());
 * await task.done; // { value: s } once it ran, null if cancelled
 */
export interface BackgroundTask<T> {
  /** the result once computed; null when cancelled first */
  readonly done: Promise<{ value: T } | null>;
  /** drops the computation (it runs no further unit) */
  cancel(): void;
}

interface Entry {
  steps: Generator<void, unknown>;
  finish(result: { value: unknown } | null, error?: unknown): void;
  cancelled: boolean;
}

/** how long a slice runs before the event loop gets a turn (tests set 0: one unit a slice) */
let sliceMs = 8;
const queue: Entry[] = [];
let scheduled = false;
let idle: { promise: Promise<void>; resolve(): void } | null = null;

/** Sets the slice length (ms) and returns the previous one: tests use 0 to see the work interleave. */
export function setBackgroundSliceMs(ms: number): number {
  const previous = sliceMs;
  sliceMs = ms;
  return previous;
}

/** Queues a computation; it starts at a later turn of the event loop, never in the caller's. */
export function runInBackground<T>(steps: Generator<void, T>): BackgroundTask<T> {
  let finish!: Entry['finish'];
  const done = new Promise<{ value: T } | null>((resolve, reject) => {
    finish = (result, error) => (error === undefined ? resolve(result as { value: T } | null) : reject(error));
  });
  const entry: Entry = { steps, finish, cancelled: false };
  queue.push(entry);
  schedule();
  return {
    done,
    cancel() {
      if (entry.cancelled) return;
      entry.cancelled = true;
      entry.finish(null);
    },
  };
}

/** Resolves once no computation is queued or running (tests: results no longer depend on timing). */
export function backgroundIdle(): Promise<void> {
  if (queue.length === 0) return Promise.resolve();
  if (!idle) {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    idle = { promise, resolve };
  }
  return idle.promise;
}

/**
 * Turn-taking for a loop that must finish before its caller goes on (a committee's index built for
 * its first search), unlike a queued computation: `due()` says the loop has run a slice since its
 * last turn, `await turn()` then hands the event loop to the requests waiting and starts the next.
 *
 * @example
 * const clock = sliceClock();
 * for (const row of rows) { index.add(row); if (clock.due()) await clock.turn(); }
 */
export function sliceClock() {
  let until = performance.now() + sliceMs;
  return {
    due: () => performance.now() >= until,
    async turn() {
      await new Promise<void>((resolve) => setImmediate(resolve));
      until = performance.now() + sliceMs;
    },
  };
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  setImmediate(slice);
}

function slice() {
  scheduled = false;
  const until = performance.now() + sliceMs;
  do {
    const entry = queue[0];
    if (!entry) break;
    if (entry.cancelled) {
      queue.shift();
      continue;
    }
    try {
      const step = entry.steps.next();
      if (step.done) {
        queue.shift();
        entry.finish({ value: step.value });
      }
    } catch (error) {
      queue.shift();
      entry.finish(null, error);
    }
  } while (performance.now() < until);
  if (queue.length > 0) schedule();
  else if (idle) {
    idle.resolve();
    idle = null;
  }
}
