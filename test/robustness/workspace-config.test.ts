// Configuration from the workspace is data the workspace's author chose: exclusion globs in `.kube-hardening.yaml`,
// in kubeHardening.exclude and in files.exclude / search.exclude (all three can come from a cloned repository).
// Globs built to be expensive to compile or match (a brace range of 100,000, a thousand `[`, nested braces and
// extglobs) or longer than the glob library accepts must not hang or crash the CLI or the server's scan: each
// finishes within a bound, either ignoring such a glob or reporting it as a configuration problem, and checks the
// workspace's files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HOSTILE_CONFIG_FILES, HOSTILE_CONFIG_MS, SERVER_ANSWER_MS } from './bounds.js';
import { fileUri, startRawClient } from './lsp.js';
import { REPO, within } from './support.js';

const CLI = join(REPO, 'server', 'dist', 'cli.js');

/** Globs that cost minimatch 9.0.9 from a tenth of a second to minutes per match (one per file and folder), or make it throw. */
const HOSTILE_GLOBS: readonly { readonly name: string; readonly glob: string }[] = [
  { name: 'a thousand [', glob: '['.repeat(1000) },
  { name: 'a brace range of 100,000', glob: 'apps/{1..100000}.yaml' },
  { name: 'braces nested 3,000 deep', glob: `${'{a,'.repeat(3000)}b${'}'.repeat(3000)}` },
  { name: 'extglobs nested 40 deep', glob: `${'+(a|'.repeat(40)}b${')'.repeat(40)}/**` },
  // Past minimatch's own limit (64 KB), where it throws a TypeError instead of matching.
  { name: 'a glob of 80,000 characters', glob: `${'a/'.repeat(40_000)}*` },
  { name: '5,000 ?', glob: '?'.repeat(5000) },
];

const yamlString = (s: string) => JSON.stringify(s);

describe('hostile exclusion globs from the workspace', () => {
  let ws: string;
  let files: string[];
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'kh-globs-'));
    const example = readFileSync(join(REPO, 'examples', 'deployment-web.yaml'), 'utf8');
    files = [];
    for (let i = 0; i < HOSTILE_CONFIG_FILES; i++) {
      const dir = join(ws, 'apps', `team-${i % 4}`);
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `app-${i}.yaml`);
      writeFileSync(path, example.replace(/storefront/g, `app-${i}`));
      files.push(path);
    }
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  for (const { name, glob } of HOSTILE_GLOBS) {
    it(`the CLI with ${name} in .kube-hardening.yaml: done within ${HOSTILE_CONFIG_MS} ms, files checked or a configuration error`, () => {
      writeFileSync(join(ws, '.kube-hardening.yaml'), `exclude:\n  - ${yamlString(glob)}\n  - "vendor/**"\n`);
      const started = performance.now();
      const r = spawnSync(process.execPath, [CLI, '--format', 'json', '.'], { cwd: ws, encoding: 'utf8', timeout: HOSTILE_CONFIG_MS, killSignal: 'SIGKILL' });
      const took = performance.now() - started;
      assert.equal(r.signal, null, `${name}: the CLI did not finish within ${HOSTILE_CONFIG_MS} ms (killed)`);
      assert.ok(took <= HOSTILE_CONFIG_MS, `${name}: took ${took.toFixed(0)} ms`);
      assert.doesNotMatch(r.stderr, /internal error|uncaught|TypeError|RangeError/, `${name}: no crash`);
      if (r.status === 2) {
        // Refused as a configuration problem, naming the exclusion.
        assert.match(r.stderr, /exclude|glob/i, `${name}: a configuration error says which setting`);
        return;
      }
      assert.equal(r.status, 1, `${name}: the workspace's findings are reported (exit 1): ${r.stderr}`);
      const report = JSON.parse(r.stdout) as { files: { file: string }[] };
      assert.equal(report.files.length, HOSTILE_CONFIG_FILES, `${name}: every file checked (the glob matches none of them)`);
    });
  }

  it(`the server's scan with all of them in .kube-hardening.yaml, kubeHardening.exclude, files.exclude and search.exclude: done within ${HOSTILE_CONFIG_MS} ms, still up`, async () => {
    writeFileSync(join(ws, '.kube-hardening.yaml'), `exclude:\n${HOSTILE_GLOBS.map((g) => `  - ${yamlString(g.glob)}\n`).join('')}`);
    const globs = HOSTILE_GLOBS.map((g) => g.glob);
    const asMap = Object.fromEntries(globs.map((g) => [g, true]));
    const client = await startRawClient({
      workspaceFolder: ws,
      configuration: (p) => p.items.map((i) => (i.section === 'kubeHardening' ? { exclude: globs } : i.section === 'files.exclude' || i.section === 'search.exclude' ? asMap : null)),
    });
    try {
      const started = performance.now();
      await client.waitFor('the scan to end', () => client.progress.find((p) => p.kind === 'end'), HOSTILE_CONFIG_MS);
      assert.ok(performance.now() - started <= HOSTILE_CONFIG_MS);
      // The files were checked (no glob matches them): a publish with findings for each.
      for (const path of files) await client.diagnostics(fileUri(path), (p) => p.diagnostics.length > 0, SERVER_ANSWER_MS);
      const catalog = await within(SERVER_ANSWER_MS, 'a request after the scan', client.connection.sendRequest('kube-hardening/ruleCatalog'));
      assert.ok(Array.isArray(catalog) && catalog.length > 0, 'the server is up');
      assert.equal(await within(SERVER_ANSWER_MS, 'shutdown and exit', client.stop()), 0);
    } finally {
      // A server stuck in a glob answers nothing: it is ended here (only this test's own process).
      if (client.process.exitCode === null && client.process.signalCode === null) client.process.kill('SIGKILL');
      client.connection.dispose();
    }
  });
});
