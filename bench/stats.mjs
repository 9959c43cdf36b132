// Small statistics and formatting helpers shared by the benchmarks.

/** The p-th percentile by nearest rank (p95 of 200 samples is the 190th smallest). */
export function pct(xs, p) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** p50, p95, max and the sample count of a list of durations. */
export function summary(xs) {
  return { n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), max: xs.length ? Math.max(...xs) : NaN };
}

/** Milliseconds with the precision that matters at that size. */
export function ms(x) {
  if (!Number.isFinite(x)) return 'n/a';
  return x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`;
}

/** Times `fn` once, in milliseconds. */
export function time(fn) {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}
