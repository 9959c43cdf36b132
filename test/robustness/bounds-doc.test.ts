// The bounds are stated twice: in bounds.ts, which the tests use, and in ARCHITECTURE.md ("Bounds"), which people
// read. This keeps the two in agreement: every constant of bounds.ts has a row there with its value, and the
// product limits the section quotes from the code are the code's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { MAX_NESTING } from '@kube-hardening/shared-rules';
import * as bounds from './bounds.js';
import { REPO } from './support.js';

/** The "## Bounds" section of ARCHITECTURE.md: its table rows, keyed by the first cell. */
function documentedRows(): Map<string, string> {
  const text = readFileSync(join(REPO, 'ARCHITECTURE.md'), 'utf8');
  const start = text.indexOf('\n## Bounds\n');
  assert.ok(start >= 0, 'ARCHITECTURE.md has a "## Bounds" section');
  const next = text.indexOf('\n## ', start + 1);
  const rows = new Map<string, string>();
  for (const line of text.slice(start, next < 0 ? undefined : next).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length >= 4 && cells[1] !== '' && !/^-+$/.test(cells[1]!)) rows.set(cells[1]!, cells[2]!);
  }
  return rows;
}

/** Constants the environment may override (PROPERTY_SEED, PROPERTY_RUNS): compared only when it does not. */
const FROM_ENV: Record<string, string> = { PROPERTY_SEED: 'PROPERTY_SEED', INCREMENTAL_RUNS: 'PROPERTY_RUNS', FAMILY_FIX_RUNS: 'PROPERTY_RUNS' };

it('ARCHITECTURE.md "Bounds" lists every constant of bounds.ts with its value', () => {
  const rows = documentedRows();
  const problems: string[] = [];
  for (const [name, value] of Object.entries(bounds)) {
    const cell = rows.get(`\`${name}\``);
    if (cell === undefined) {
      problems.push(`${name}: no row`);
      continue;
    }
    if (FROM_ENV[name] && process.env[FROM_ENV[name]!] !== undefined) continue;
    const documented = Array.isArray(value) ? cell.split(',').map((x) => Number(x.trim())) : Number(cell.replace(/,/g, ''));
    try {
      assert.deepEqual(documented, value);
    } catch {
      problems.push(`${name}: ARCHITECTURE.md says ${cell}, bounds.ts ${JSON.stringify(value)}`);
    }
  }
  const names = new Set(Object.keys(bounds).map((n) => `\`${n}\``));
  for (const row of rows.keys()) if (/^`[A-Z][A-Z0-9_]*`$/.test(row) && !names.has(row)) problems.push(`${row}: documented but not in bounds.ts`);
  assert.deepEqual(problems, []);
});

it('ARCHITECTURE.md "Bounds" quotes the product limits the code has', () => {
  const rows = documentedRows();
  const cell = [...rows].find(([k]) => k.startsWith('`MAX_NESTING`'))?.[1];
  assert.ok(cell?.startsWith(`${MAX_NESTING} levels`), `MAX_NESTING is ${MAX_NESTING}; ARCHITECTURE.md says ${cell}`);
  const settings = readFileSync(join(REPO, 'server', 'src', 'server.ts'), 'utf8');
  const timeout = /const SETTINGS_TIMEOUT_MS = ([\d_]+);/.exec(settings)?.[1]?.replace(/_/g, '');
  assert.equal(Number(timeout), bounds.SERVER_SETTINGS_TIMEOUT_MS, 'SETTINGS_TIMEOUT_MS in server.ts is SERVER_SETTINGS_TIMEOUT_MS');
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };
  const maxFileSize = pkg.contributes.configuration.properties['kubeHardening.maxFileSize']?.default;
  const documented = [...rows].find(([k]) => k.startsWith('`kubeHardening.maxFileSize`'))?.[1];
  assert.ok(documented?.startsWith(`${String(maxFileSize)} MB by default`), `maxFileSize defaults to ${String(maxFileSize)} MB; ARCHITECTURE.md says ${documented}`);
});
