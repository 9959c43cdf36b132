#!/usr/bin/env node
// Runs every test layer through node's test runner, then prints the closing "N passed, N failed" line.
//   node test/run-tests.mjs                 all layers (what `npm test` and .ci/run do)
//   node test/run-tests.mjs --only unit,lsp one or more layers: unit, lsp, cli, nvim, vscode, ui, robustness
// Expects a build (npm test builds first).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const LAYERS = {
  unit: ['shared-rules/out', 'test/unit'],
  lsp: ['test/out/lsp'],
  cli: ['test/out/cli'],
  nvim: ['test/out/nvim'],
  vscode: ['test/out/vscode/grammar.test.js', 'test/out/vscode/extension-host.test.js'],
  ui: ['test/out/ui/ui.test.js'],
  robustness: ['test/out/robustness'],
};
const onlyArg = process.argv.indexOf('--only');
const DEFAULT_LAYERS = Object.keys(LAYERS);
const chosen = onlyArg > 0 ? process.argv[onlyArg + 1].split(',') : DEFAULT_LAYERS;
for (const layer of chosen) if (!LAYERS[layer]) throw new Error(`unknown layer ${layer}; known: ${Object.keys(LAYERS).join(', ')}`);

// The VS Code layers (extension host and grammar; the workbench UI) run on code-server, installed into .cache/ on first use.
if (chosen.includes('vscode') || chosen.includes('ui')) {
  const install = spawnSync('bash', [join(repo, 'test', 'vscode', 'install-code-server.sh')], { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
  if (install.status !== 0) {
    process.stdout.write('\ncode-server could not be installed (see above); the VS Code and UI layers are required\n0 passed, 1 failed\n');
    process.exit(1);
  }
}

const resultsDir = join(repo, 'test-results');
mkdirSync(resultsDir, { recursive: true });
const summaryFile = join(resultsDir, 'summary.txt');
rmSync(summaryFile, { force: true });
const paths = chosen.flatMap((l) => LAYERS[l]);
const run = spawnSync(process.execPath, [
  '--test', '--test-concurrency=2',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  `--test-reporter=${join(repo, 'test', 'summary-reporter.mjs')}`, `--test-reporter-destination=${summaryFile}`,
  ...paths,
], { cwd: repo, stdio: 'inherit' });
let summary;
try {
  summary = readFileSync(summaryFile, 'utf8').trim();
} catch {
  summary = '0 passed, 1 failed';
}
process.stdout.write(`\n${summary}\n`);
process.exit(run.status === 0 && / 0 failed/.test(summary) ? 0 : 1);
