// Shared helpers of the robustness layer: the fixture manifests, range checks, and a fresh-vs-incremental comparison.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileFindings, fileInternalErrors, type Finding, type LintedFile, type OffsetEdit } from '@kube-hardening/shared-rules';
import { parseAllDocuments } from 'yaml';

export const REPO = join(__dirname, '..', '..', '..');

/** examples/*.yaml and test/fixtures/corpus/**\/*.yaml, with their paths relative to the repository. */
export function fixtureManifests(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(e.name)) out.push({ name: relative(REPO, path), text: readFileSync(path, 'utf8') });
    }
  };
  for (const e of readdirSync(join(REPO, 'examples')).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    out.push({ name: `examples/${e}`, text: readFileSync(join(REPO, 'examples', e), 'utf8') });
  }
  walk(join(REPO, 'test', 'fixtures', 'corpus'));
  return out;
}

/** Applies offset edits given in order, each in the coordinates of the text before it (as the server records them). */
export function applySequential(text: string, edits: readonly OffsetEdit[]): string {
  let t = text;
  for (const e of edits) t = t.slice(0, e.start) + e.newText + t.slice(e.end);
  return t;
}

/** Every finding and fix edit lies inside the text; no rule threw. */
export function assertSane(text: string, linted: LintedFile, what: string): void {
  const findings = fileFindings(linted);
  for (const f of findings) {
    const { start, end } = f.range;
    assert.ok(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length, `${what}: ${f.ruleId} range ${start}-${end} outside 0-${text.length}`);
    for (const fix of f.fixes) {
      for (const e of fix.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${what}: ${f.ruleId} fix "${fix.title}" edit ${e.start}-${e.end} outside the text`);
    }
  }
  assert.deepEqual(fileInternalErrors(linted).map((e) => `${e.ruleId ?? ''}: ${e.message.split('\n')[0]}`), [], `${what}: no rule throws`);
}

/** Whether every YAML document of the text parses (then an incremental result has nothing stale). */
export function parses(text: string): boolean {
  try {
    return parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true }).every((d) => d.errors.length === 0);
  } catch {
    return false;
  }
}

/** Findings as comparable plain data (fixes included: an incremental result must offer the same fixes). */
export function comparable(findings: readonly Finding[]): unknown[] {
  return findings.map((f) => ({ ...f })).sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
}

/** A deterministic PRNG (mulberry32) for generated corpora. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rejects when `promise` takes longer than `ms`. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  try {
    return await Promise.race([promise, new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms); })]);
  } finally {
    clearTimeout(timer);
    assert.ok(performance.now() - started <= ms, `${what} within ${ms} ms`);
  }
}
