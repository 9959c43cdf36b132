// A progress line on stderr for long runs (`scanning 120/2000 files`), only on a terminal, rewritten in place at
// most every UPDATE_MS once the run has taken SHOW_AFTER_MS, and cleared at the end.
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(s: string): unknown;
}

export interface Progress {
  /** `done` of `total` items are finished. */
  update(done: number): void;
  /** Clears the line if one was shown. */
  end(): void;
}

const SHOW_AFTER_MS = 300;
const UPDATE_MS = 100;
const CLEAR = '\r\x1b[K';

export function createProgress(stream: ProgressStream, total: number, label: string, now: () => number = Date.now): Progress {
  if (!stream.isTTY || total === 0) return { update() {}, end() {} };
  const started = now();
  let last = -Infinity;
  let shown = false;
  return {
    update(done) {
      const t = now();
      if (t - started < SHOW_AFTER_MS || t - last < UPDATE_MS) return;
      last = t;
      shown = true;
      stream.write(`${CLEAR}${label} ${done}/${total} files`);
    },
    end() {
      if (shown) stream.write(CLEAR);
      shown = false;
    },
  };
}
