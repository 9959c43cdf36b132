// Runs the extension's mocha suite (test/vscode/suite) inside a real VS Code extension host: code-server 4.100.3
// (VS Code 1.100) in headless Chromium, driven by @vscode/test-electron (see run-extension-tests.js). Each mocha
// test becomes a subtest here, so the closing count includes them.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO } from '../support/lsp-client.js';

interface Outcome {
  readonly title: string;
  readonly state: 'passed' | 'failed';
  readonly error?: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runExtensionTests } = require(join(REPO, 'test', 'vscode', 'run-extension-tests.js')) as {
  runExtensionTests(options: { extensionDevelopmentPath: string; extensionTestsPath: string; workspacePath: string; timeoutMs: number; env: Record<string, string> }): Promise<number>;
};

test('VS Code extension host (code-server 4.100.3)', async (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'kh-ext-'));
  const workspace = join(tmp, 'workspace');
  cpSync(join(REPO, 'examples'), workspace, { recursive: true });
  const results = join(tmp, 'results.json');
  try {
    const code = await runExtensionTests({
      extensionDevelopmentPath: REPO,
      extensionTestsPath: join(REPO, 'test', 'out', 'vscode', 'suite', 'index.js'),
      workspacePath: workspace,
      timeoutMs: 240000,
      env: { KUBE_HARDENING_TEST_RESULTS: results },
    });
    assert.ok(existsSync(results), `the suite wrote no results (exit code ${code}); see the log above`);
    const { outcomes } = JSON.parse(readFileSync(results, 'utf8')) as { outcomes: Outcome[] };
    for (const o of outcomes) {
      await t.test(o.title, () => {
        if (o.state === 'failed') assert.fail(o.error ?? 'failed');
      });
    }
    assert.ok(outcomes.length >= 4, `expected the whole suite to run, got ${outcomes.length} tests`);
    assert.equal(code, 0, 'VS Code exited with the suite’s result');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
