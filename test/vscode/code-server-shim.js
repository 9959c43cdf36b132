#!/usr/bin/env node
// Stand-in for the VS Code executable, used as `vscodeExecutablePath` by @vscode/test-electron's runTests()
// (see run-extension-tests.js). test-electron spawns it with the command line it would give VS Code:
//   --extensionTestsPath=… --extensionDevelopmentPath=… --user-data-dir=… --extensions-dir=… [--disable-extensions] FOLDER
// The shim starts code-server (VS Code 1.100.3's server, installed by install-code-server.sh) on a free loopback
// port, opens the web workbench in headless Chromium (playwright-core) with the same test payload, relays the
// extension host's console (mocha's reporter) to stdout/stderr, and exits with the code the extension tests
// returned (window.codeAutomationExit).
//
// Environment:
//   CODE_SERVER_BIN   code-server binary (default <repo>/.cache/code-server/node_modules/.bin/code-server)
//   CHROMIUM_BIN      Chromium binary (default /usr/bin/chromium)
//   CODE_SERVER_SHIM_TIMEOUT_MS  give up after this long (default 300000); exit code 1
//   CODE_SERVER_SHIM_KEEP=1      keep the temp folder (code-server.log, HOME of the children) for debugging
//   KUBE_HARDENING_TEST_RESULTS  passed through to the extension host (made absolute)
// code-server and Chromium run with HOME, XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME and TMPDIR pointing into a
// fresh temp folder, so nothing is read from or written to the real home. Their other environment variables reach
// the extension host unchanged (code-server forks it with its own environment).
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const net = require('net');

const REPO = path.resolve(__dirname, '..', '..');
const CODE_SERVER = process.env.CODE_SERVER_BIN || path.join(REPO, '.cache', 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const TIMEOUT = Number(process.env.CODE_SERVER_SHIM_TIMEOUT_MS) || 300000;
const KEEP = !!process.env.CODE_SERVER_SHIM_KEEP;

function parseArgs(argv) {
  const o = { dev: [], positional: [], disableExtensions: false };
  const valued = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let m = /^--([^=]+)=(.*)$/s.exec(a);
    if (!m && a.startsWith('--') && valued.has(a.slice(2)) && i + 1 < argv.length) m = [a, a.slice(2), argv[++i]];
    if (m && m[1] === 'extensionDevelopmentPath') o.dev.push(path.resolve(m[2]));
    else if (m && m[1] === 'extensionTestsPath') o.tests = path.resolve(m[2]);
    else if (m && m[1] === 'user-data-dir') o.userData = path.resolve(m[2]);
    else if (m && m[1] === 'extensions-dir') o.extDir = path.resolve(m[2]);
    else if (a === '--disable-extensions') o.disableExtensions = true;
    else if (!a.startsWith('-')) o.positional.push(path.resolve(a));
    // Other switches (--no-sandbox, --disable-updates, --skip-welcome, ...) mean nothing to code-server.
  }
  return o;
}

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer().on('error', reject).listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});

const groupAlive = pgid => { try { process.kill(-pgid, 0); return true; } catch { return false; } };
const signalGroup = (pgid, sig) => { try { process.kill(-pgid, sig); } catch { /* already gone */ } };

// SIGTERM code-server's process group, wait (polling) until every member is gone, SIGKILL after 10 s.
async function stopGroup(pgid) {
  if (!pgid) return;
  signalGroup(pgid, 'SIGTERM');
  const killAt = Date.now() + 10000;
  while (groupAlive(pgid)) {
    if (Date.now() > killAt) { signalGroup(pgid, 'SIGKILL'); if (Date.now() > killAt + 5000) break; }
    await new Promise(r => setTimeout(r, 50));
  }
}

function tail(file, lines = 40) {
  try { return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n'); } catch { return ''; }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.tests) throw new Error('missing --extensionTestsPath=');
  if (!fs.existsSync(CODE_SERVER)) {
    throw new Error(`code-server not found at ${CODE_SERVER}; run test/vscode/install-code-server.sh or set CODE_SERVER_BIN`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}; apt-get install -y chromium or set CHROMIUM_BIN`);
  const { chromium } = require(require.resolve('playwright-core', { paths: [REPO, __dirname] }));

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kh-code-server-'));
  const home = path.join(tmp, 'home');
  const childTmp = path.join(tmp, 'tmp');
  const isolated = {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    TMPDIR: childTmp,
  };
  for (const d of Object.values(isolated)) fs.mkdirSync(d, { recursive: true });
  const childEnv = { ...process.env, ...isolated };
  for (const k of ['ELECTRON_RUN_AS_NODE', 'VSCODE_IPC_HOOK_CLI', 'VSCODE_CWD', 'VSCODE_NLS_CONFIG']) delete childEnv[k];
  if (process.env.KUBE_HARDENING_TEST_RESULTS) {
    childEnv.KUBE_HARDENING_TEST_RESULTS = path.resolve(process.env.KUBE_HARDENING_TEST_RESULTS);
  }
  // playwright-core keeps Chromium's profile under os.tmpdir() of this process: keep that inside tmp as well.
  process.env.TMPDIR = childTmp;

  const userData = opts.userData || path.join(tmp, 'user-data');
  const extDir = opts.extDir || path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extDir, { recursive: true });
  const settings = path.join(userData, 'User', 'settings.json');
  if (!fs.existsSync(settings)) {
    fs.writeFileSync(settings, JSON.stringify({
      'files.autoSave': 'off', 'files.hotExit': 'off', 'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
    }, null, 2));
  }

  const port = await freePort();
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = path.join(tmp, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  const cs = spawn(CODE_SERVER, ['--config', config, '--user-data-dir', userData, '--extensions-dir', extDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened'],
    // Own process group, so that stopping it also stops its extension host, pty host and file watcher.
    { stdio: ['ignore', log, log], env: childEnv, cwd: home, detached: true });
  fs.closeSync(log);
  // Last resort if this process exits without the cleanup below (e.g. an uncaught error): kill the group.
  process.on('exit', () => signalGroup(cs.pid, 'SIGKILL'));
  const csExited = new Promise(r => cs.once('exit', (c, s) => r(`code-server exited early (${c ?? s})`)));

  let stop;
  const stopped = new Promise(r => (stop = r));
  const onSignal = sig => { console.error(`code-server-shim: ${sig}, stopping`); stop(sig === 'SIGINT' ? 130 : 143); };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);

  let browser, code = 1, keep = KEEP;
  let timer;
  try {
    // Wait for code-server to answer (poll healthz; no fixed sleep).
    const deadline = Date.now() + 60000;
    for (;;) {
      try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch { /* not up yet */ }
      if (cs.exitCode !== null || cs.signalCode !== null || Date.now() > deadline) {
        throw new Error(`code-server did not start:\n${tail(logFile)}`);
      }
      await new Promise(r => setTimeout(r, 100));
    }

    const remote = p => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ...opts.dev.map(d => ['extensionDevelopmentPath', remote(d)]),
      ['extensionTestsPath', remote(opts.tests)],
      ['skipWelcome', 'true'],
      ...(opts.disableExtensions ? [['disableExtensions', 'true']] : []),
    ];
    const target = opts.positional[opts.positional.length - 1];
    let where = '';
    if (target) {
      if (!fs.existsSync(target)) throw new Error(`workspace ${target} does not exist`);
      where = fs.statSync(target).isDirectory() ? `folder=${encodeURIComponent(target)}&`
        : target.endsWith('.code-workspace') ? `workspace=${encodeURIComponent(target)}&` : '';
    }
    const url = `http://127.0.0.1:${port}/?${where}payload=${encodeURIComponent(JSON.stringify(payload))}`;

    browser = await chromium.launch({
      executablePath: CHROMIUM, headless: true, env: childEnv,
      // Playwright's own SIGINT handler would process.exit(130) before our cleanup stops code-server.
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const page = await browser.newPage();
    let done;
    const finished = new Promise(r => (done = r));
    const noise = /Resolv|socket|Service Worker|ChatSession|ChatModelSelection|AgentHost|AccountPolicyGate|reconnection-grace-time|authentication provider|builtin extensions cache|open-vsx|ENOTFOUND/;
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(args || []));
      if (!noise.test(line)) (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
    });
    await page.exposeFunction('codeAutomationExit', c => done(c));
    page.on('crash', () => done('the workbench page crashed'));
    // A *built* web workbench ignores extensionDevelopmentPath/extensionTestsPath in the payload unless
    // developmentOptions.enableSmokeTestDriver is set (server flag --enable-smoke-test-driver, which code-server's
    // CLI rejects). Set it in the page's configuration <meta> before the workbench reads it.
    await page.addInitScript(() => {
      const patch = el => {
        const cfg = JSON.parse(el.getAttribute('data-settings'));
        cfg.developmentOptions = Object.assign({}, cfg.developmentOptions, { enableSmokeTestDriver: true });
        el.setAttribute('data-settings', JSON.stringify(cfg));
      };
      new MutationObserver((_, obs) => {
        const el = document.getElementById('vscode-workbench-web-configuration');
        if (el && el.hasAttribute('data-settings')) { obs.disconnect(); patch(el); }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url);
    const result = await Promise.race([
      finished, stopped, csExited,
      new Promise(r => { timer = setTimeout(() => r(`extension tests did not finish in ${TIMEOUT} ms`), TIMEOUT); }),
    ]);
    if (typeof result === 'number') code = result;
    else { console.error(`code-server-shim: ${result}`); code = 1; }
  } catch (e) {
    console.error('code-server-shim:', (e && e.stack) || e);
    code = 1;
  } finally {
    clearTimeout(timer);
    if (browser) await browser.close().catch(() => {});
    await stopGroup(cs.pid);
    if (keep) console.error(`code-server-shim: kept ${tmp} (code-server.log, home)`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
  return code;
}

main().then(code => process.exit(code), e => { console.error('code-server-shim:', (e && e.stack) || e); process.exit(1); });
