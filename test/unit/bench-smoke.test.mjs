// The benchmark suite (`npm run bench`, bench/run.mjs) at smoke sizes: it runs to the end against the built server,
// prints its table and produces real numbers. Whether the targets are met is the benchmark's report, not a test:
// timings depend on the machine, so nothing here compares a duration with a bound.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs the smoke benchmark; resolves with its stdout and its JSON results. */
async function runSmoke() {
  const dir = mkdtempSync(join(tmpdir(), 'kh-bench-smoke-'));
  try {
    const jsonFile = join(dir, 'results.json');
    const { stdout } = await promisify(execFile)(process.execPath, [join(repo, 'bench', 'run.mjs'), '--smoke', '--json', jsonFile], { cwd: repo, maxBuffer: 16 * 1024 * 1024 });
    return { stdout, results: JSON.parse(readFileSync(jsonFile, 'utf8')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const positive = (x) => typeof x === 'number' && Number.isFinite(x) && x > 0;

it('the smoke benchmark finishes, prints its table and produces numbers', { timeout: 300_000 }, async () => {
  const { stdout, results } = await runSmoke();

  const tableLines = stdout.split('\n').filter((l) => l.startsWith('| '));
  assert.match(tableLines[0] ?? '', /^\| measure +\| value/);
  assert.ok(tableLines.length > 20, `a row per figure, got ${tableLines.length} table lines`);
  assert.match(stdout, /^targets: \d+ met, \d+ missed/m);
  assert.match(stdout, /extension activation time: not measured here/);

  assert.equal(results.meta.smoke, true);
  assert.ok(results.rows.length > 20);
  for (const row of results.rows) {
    // Counts of stale publishes are rightly 0; every other figure is a duration, a rate or a size.
    if (row.unit === 'count') assert.ok(Number.isInteger(row.value) && row.value >= 0, `${row.measure}: ${row.value}`);
    else assert.ok(positive(row.value), `${row.measure}: ${row.value}`);
    if (row.baseline !== undefined) assert.ok(positive(row.baselineValue), `${row.measure}, baseline ${row.baseline}: ${row.baselineValue}`);
    if (row.target !== undefined) assert.equal(typeof row.passed, 'boolean', `${row.measure}: a verdict`);
  }

  const [first] = results.repeats;
  for (const path of ['multi.p50', 'multi.docP95', 'multi.wholeP50', 'crd.p95', 'crd.open', 'yamlls.p50', 'scan.wall', 'scan.idleMb', 'base.parseSum', 'during.p95', 'duringIdle.p95']) {
    const value = path.split('.').reduce((o, k) => o?.[k], first);
    assert.ok(positive(value), `${path}: ${value}`);
  }
  assert.deepEqual(first.errors, [], 'the servers logged no error');
});
