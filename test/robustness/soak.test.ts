// The soak, shortened (`npm run soak` runs the full length): random edits to an open file of a generated workspace,
// saves, files opened and closed, workspace rescans; the server's RSS must not grow beyond the bound after warm-up
// and the server logs no error. bench/soak.mjs does the work; the bounds come from here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { it } from 'node:test';
import { SOAK_EDITS_TEST, SOAK_RESCAN_EVERY, SOAK_RSS_GROWTH_MB, SOAK_SAVE_EVERY, SOAK_TEST_LINES, SOAK_TEST_MS, SOAK_WARMUP_SHARE } from './bounds.js';
import { REPO } from './support.js';

it(`soak: ${SOAK_EDITS_TEST} edits with saves and rescans; RSS growth after warm-up at most ${SOAK_RSS_GROWTH_MB} MB`, () => {
  const r = spawnSync(process.execPath, [
    join(REPO, 'bench', 'soak.mjs'), '--json', '--edits', String(SOAK_EDITS_TEST), '--lines', String(SOAK_TEST_LINES),
    '--max-growth-mb', String(SOAK_RSS_GROWTH_MB), '--warmup', String(SOAK_WARMUP_SHARE), '--save-every', String(SOAK_SAVE_EVERY), '--rescan-every', String(SOAK_RESCAN_EVERY),
  ], { encoding: 'utf8', timeout: SOAK_TEST_MS });
  assert.equal(r.error, undefined, `the soak finished within ${SOAK_TEST_MS} ms`);
  const result = JSON.parse(r.stdout) as { ok: boolean; growthMb: number; baselineMb: number; endMb: number; serverErrors: string[]; rssMeasured: boolean; seconds: number };
  assert.deepEqual(result.serverErrors, [], 'the server logged no error');
  if (result.rssMeasured) {
    assert.ok(result.growthMb <= SOAK_RSS_GROWTH_MB, `RSS ${result.baselineMb.toFixed(1)} MB → ${result.endMb.toFixed(1)} MB after warm-up: growth ${result.growthMb.toFixed(1)} MB, bound ${SOAK_RSS_GROWTH_MB} MB`);
  }
  assert.equal(r.status, 0, r.stderr);
  assert.ok(result.ok);
});
