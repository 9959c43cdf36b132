#!/usr/bin/env node
// Runs an extension's test suite (a module exporting `run()`, e.g. mocha) inside a real VS Code extension host,
// through @vscode/test-electron's runTests():
//   - default: VS Code 1.100.3 as code-server + headless Chromium, via code-server-shim.js as the "executable"
//     (installed on first use by install-code-server.sh into <repo>/.cache/code-server; needs Debian chromium,
//     ripgrep, libkrb5-dev). Works with only the npm registry reachable.
//   - VSCODE_DESKTOP=1: test-electron downloads desktop VS Code 1.100.3 into <repo>/.vscode-test and runs it
//     (needs internet, and a display or xvfb-run on Linux).
// Every run gets a fresh --user-data-dir and --extensions-dir (settings: files.autoSave off, files.hotExit off).
// KUBE_HARDENING_TEST_RESULTS (from the environment or `env`) reaches the extension host as an absolute path.
//
// API:  const { runExtensionTests } = require('./test/vscode/run-extension-tests.js');
//       const code = await runExtensionTests({ extensionDevelopmentPath, extensionTestsPath, workspacePath,
//                                              timeoutMs /* default 300000 */, env /* optional extra env */ });
// CLI:  node test/vscode/run-extension-tests.js <extensionDevelopmentPath> <extensionTestsPath> <workspace>
//       (timeout: VSCODE_TEST_TIMEOUT_MS). Exit code = the test run's.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..');
const SHIM = path.join(__dirname, 'code-server-shim.js');
const INSTALL = path.join(__dirname, 'install-code-server.sh');
const DESKTOP_VERSION = '1.100.3';
const WORKER_FLAG = '--kh-worker';

/**
 * @param {{ extensionDevelopmentPath: string, extensionTestsPath: string, workspacePath?: string,
 *           timeoutMs?: number, env?: Record<string, string> }} options
 * @returns {Promise<number>} the exit code of the test run (0 = all tests passed)
 */
async function runExtensionTests({ extensionDevelopmentPath, extensionTestsPath, workspacePath, timeoutMs = 300000, env = {} }) {
  if (!extensionDevelopmentPath || !extensionTestsPath) throw new Error('extensionDevelopmentPath and extensionTestsPath are required');
  const desktop = process.env.VSCODE_DESKTOP === '1';
  const extraEnv = { ...env };
  const results = extraEnv.KUBE_HARDENING_TEST_RESULTS || process.env.KUBE_HARDENING_TEST_RESULTS;
  if (results) extraEnv.KUBE_HARDENING_TEST_RESULTS = path.resolve(results);
  if (!desktop) extraEnv.CODE_SERVER_SHIM_TIMEOUT_MS = String(timeoutMs);
  const job = {
    extensionDevelopmentPath: path.resolve(extensionDevelopmentPath),
    extensionTestsPath: path.resolve(extensionTestsPath),
    workspacePath: workspacePath ? path.resolve(workspacePath) : undefined,
    env: extraEnv,
    desktop,
  };
  // runTests() runs in a child process: a timeout can then stop VS Code (SIGINT, which test-electron forwards
  // to VS Code or the shim) without test-electron's SIGINT handling touching the caller's process.
  const worker = spawn(process.execPath, [__filename, WORKER_FLAG, JSON.stringify(job)], { stdio: 'inherit' });
  let timedOut = false, killTimer;
  const limit = desktop ? timeoutMs : timeoutMs + 30000; // the shim enforces timeoutMs itself; this is a backstop
  const timer = setTimeout(() => {
    timedOut = true;
    console.error(`run-extension-tests: no result after ${limit} ms, stopping VS Code`);
    worker.kill('SIGINT');
    killTimer = setTimeout(() => worker.kill('SIGKILL'), 15000);
  }, limit);
  const code = await new Promise(resolve => {
    worker.once('error', e => { console.error('run-extension-tests:', e); resolve(1); });
    worker.once('exit', (c, sig) => resolve(c ?? (sig ? 1 : 0)));
  });
  clearTimeout(timer);
  clearTimeout(killTimer);
  return timedOut && code === 0 ? 1 : code;
}

async function worker(job) {
  const { runTests } = require(require.resolve('@vscode/test-electron', { paths: [REPO, __dirname] }));
  let vscodeExecutablePath;
  const extensionTestsEnv = { ...job.env };
  if (!job.desktop) {
    if (!process.env.CODE_SERVER_BIN) {
      // Fast (exit 0 at once) when code-server is already installed; prints the binary's path last.
      const r = spawnSync('bash', [INSTALL], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
      if (r.status !== 0) { console.error('run-extension-tests: install-code-server.sh failed'); return 1; }
      extensionTestsEnv.CODE_SERVER_BIN = r.stdout.trim().split('\n').pop();
    }
    fs.chmodSync(SHIM, 0o755); // test-electron spawns the executable directly
    vscodeExecutablePath = SHIM;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kh-vscode-test-'));
  const userData = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'files.autoSave': 'off', 'files.hotExit': 'off', 'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
    'update.mode': 'none',
  }, null, 2));
  const launchArgs = [
    `--user-data-dir=${userData}`,
    `--extensions-dir=${extensionsDir}`,
    // Disables installed extensions only; the extension under development still loads (verified with the shim,
    // which maps it to the web workbench's disableExtensions payload; desktop VS Code behaves the same).
    '--disable-extensions',
  ];
  if (job.workspacePath) launchArgs.push(job.workspacePath); // the folder to open: last launch arg
  try {
    return await runTests({
      vscodeExecutablePath,
      ...(job.desktop ? { version: DESKTOP_VERSION, cachePath: path.join(REPO, '.vscode-test') } : {}),
      extensionDevelopmentPath: job.extensionDevelopmentPath,
      extensionTestsPath: job.extensionTestsPath,
      launchArgs,
      extensionTestsEnv,
    });
  } catch (e) {
    // runTests rejects with TestRunFailedError { code, signal } when VS Code exits non-zero.
    if (e && typeof e.code === 'number') return e.code || 1;
    console.error('run-extension-tests:', (e && e.message) || e);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { runExtensionTests };

if (require.main === module) {
  if (process.argv[2] === WORKER_FLAG) {
    worker(JSON.parse(process.argv[3])).then(c => process.exit(c), e => { console.error(e); process.exit(1); });
  } else {
    const [dev, tests, ws] = process.argv.slice(2);
    if (!dev || !tests) {
      console.error('usage: node test/vscode/run-extension-tests.js <extensionDevelopmentPath> <extensionTestsPath> [workspace]');
      process.exit(2);
    }
    const t0 = Date.now();
    runExtensionTests({ extensionDevelopmentPath: dev, extensionTestsPath: tests, workspacePath: ws,
      timeoutMs: Number(process.env.VSCODE_TEST_TIMEOUT_MS) || undefined })
      .then(code => {
        console.error(`run-extension-tests: exit code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        process.exit(code);
      }, e => { console.error(e); process.exit(1); });
  }
}
