// The product as a person gets it: the packaged VSIX installed into code-server 4.100.3 (VS Code 1.100.3), the
// workbench opened in headless Chromium through playwright-core, a copy of examples/ as the workspace. Used by the
// `ui` test layer (ui.test.ts) and by scripts/screenshots.mjs (the README's images come from the same steps).
//
// Everything a run writes lives in one temporary folder: HOME, XDG_*, TMPDIR of code-server and Chromium, a fresh
// --user-data-dir (files.autoSave off, files.hotExit off, workbench.startupEditor none), a fresh --extensions-dir
// and the workspace copy. Nothing waits a fixed time: every wait is on a selector, a function or a process event.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const REPO = resolve(__dirname, '..', '..', '..');
export const CODE_SERVER = process.env.CODE_SERVER_BIN || join(REPO, '.cache', 'code-server', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
export const EXTENSION_ID = 'kube-hardening.kube-hardening';
const VSCE = join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');

/** The flags Chromium needs headless in a container, without reaching the network on its own. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export const USER_SETTINGS = {
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'breadcrumbs.enabled': false,
};

const freePort = (): Promise<number> => new Promise((ok, fail) => {
  const s = createServer().on('error', fail).listen(0, '127.0.0.1', () => {
    const address = s.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    s.close(() => ok(port));
  });
});

function tail(file: string, lines = 30): string {
  try { return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n'); } catch { return ''; }
}

/** Builds the VSIX with vsce exactly as `npm run package` does (after a build), into `outFile`. */
export function packageVsix(outFile: string): string {
  const run = spawnSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--out', outFile], {
    cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120000,
  });
  if (run.status !== 0 || !existsSync(outFile)) throw new Error(`vsce package failed (${String(run.status)}):\n${run.stdout}\n${run.stderr}`);
  return outFile;
}

/** The files a VSIX holds (a zip: read its central directory, no unzip needed). */
export function vsixEntries(vsix: string): string[] {
  const buf = readFileSync(vsix);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${vsix} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = buf.readUInt16LE(at + 28), extra = buf.readUInt16LE(at + 30), comment = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

export interface CodeServer {
  readonly port: number;
  readonly url: string;
  /** The workspace folder (a copy of examples/). */
  readonly workspace: string;
  /** The temporary folder of the run (code-server.log, install.log, home/). */
  readonly dir: string;
  readonly logFile: string;
  /** The environment code-server runs with (isolated HOME, XDG_*, TMPDIR); Chromium gets the same. */
  readonly env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly vsix: string;
  /** Folder copied as the workspace (default examples/). */
  readonly workspaceTemplate?: string;
  /** Extra user settings. */
  readonly settings?: Record<string, unknown>;
}

/** Installs the VSIX into a fresh extensions dir (`--install-extension`, not development mode) and starts code-server. */
export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  if (!existsSync(CODE_SERVER)) throw new Error(`code-server not found at ${CODE_SERVER}: run test/vscode/install-code-server.sh (or set CODE_SERVER_BIN)`);
  const dir = mkdtempSync(join(tmpdir(), 'kh-ui-'));
  const home = join(dir, 'home');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    TMPDIR: join(dir, 'tmp'),
  };
  for (const k of ['ELECTRON_RUN_AS_NODE', 'VSCODE_IPC_HOOK_CLI', 'VSCODE_CWD', 'VSCODE_NLS_CONFIG', 'NODE_OPTIONS', 'NODE_TEST_CONTEXT']) delete env[k];
  for (const k of ['HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'TMPDIR'] as const) mkdirSync(env[k]!, { recursive: true });
  const userData = join(dir, 'user-data');
  const extensions = join(dir, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...options.settings }, null, 2));
  const workspace = join(dir, 'workspace', 'examples');
  cpSync(options.workspaceTemplate ?? join(REPO, 'examples'), workspace, { recursive: true });

  const port = await freePort();
  const config = join(dir, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];

  const install = spawnSync(CODE_SERVER, [...common, '--install-extension', options.vsix], { env, cwd: home, encoding: 'utf8', timeout: 120000 });
  writeFileSync(join(dir, 'install.log'), `${install.stdout ?? ''}${install.stderr ?? ''}`);
  if (install.status !== 0 || !/successfully installed/i.test(install.stdout ?? '')) {
    throw new Error(`code-server --install-extension failed (${String(install.status)}):\n${install.stdout}\n${install.stderr}`);
  }

  const logFile = join(dir, 'code-server.log');
  const log = openSync(logFile, 'w');
  const cs: ChildProcess = spawn(CODE_SERVER, [...common, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened'],
  // Its own process group: stopping it stops its extension host, language server and file watcher too.
  { stdio: ['ignore', log, log], env, cwd: home, detached: true });
  closeSync(log);
  const pgid = cs.pid!;
  const groupAlive = () => { try { process.kill(-pgid, 0); return true; } catch { return false; } };
  const signal = (sig: NodeJS.Signals) => { try { process.kill(-pgid, sig); } catch { /* gone */ } };
  const onExit = () => signal('SIGKILL');
  process.on('exit', onExit);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    signal('SIGTERM');
    const killAt = Date.now() + 10000;
    await new Promise<void>((done) => {
      const poll = () => {
        if (!groupAlive()) return done();
        if (Date.now() > killAt) signal('SIGKILL');
        if (Date.now() > killAt + 5000) return done();
        setTimeout(poll, 50);
      };
      poll();
    });
    process.off('exit', onExit);
    if (!process.env.KH_UI_KEEP) rmSync(dir, { recursive: true, force: true });
    else console.error(`kept ${dir}`);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    try { if ((await fetch(`${url}/healthz`)).ok) break; } catch { /* not listening yet */ }
    if (cs.exitCode !== null || cs.signalCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not start:\n${tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 100)); // polling a port: the process has no "ready" event
  }
  return { port, url, workspace, dir, logFile, env, stop };
}

export interface Workbench {
  readonly browser: Browser;
  readonly page: Page;
  /** Every console message and page error so far, one a line. */
  readonly consoleLog: string[];
  close(): Promise<void>;
}

/** Opens the workbench on the workspace folder in headless Chromium and waits until the Explorer lists it. */
export async function openWorkbench(cs: CodeServer, viewport = { width: 1400, height: 900 }, deviceScaleFactor = 1): Promise<Workbench> {
  // playwright-core keeps Chromium's profile in os.tmpdir() of this process: keep it inside the run's folder.
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = cs.env.TMPDIR;
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true, env: cs.env, args: CHROMIUM_ARGS,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
  if (savedTmp === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = savedTmp;
  const context = await browser.newContext({ viewport, deviceScaleFactor });
  const page = await context.newPage();
  const consoleLog: string[] = [];
  const stamp = () => new Date().toISOString().slice(11, 23);
  page.on('console', (m) => consoleLog.push(`${stamp()} [${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLog.push(`${stamp()} [pageerror] ${e.stack ?? e.message}`));
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(cs.workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await explorerRow(page, 'deployment-web.yaml').waitFor({ timeout: 60000 });
  return { browser, page, consoleLog, close: () => browser.close().catch(() => undefined) };
}

// ---- locators ------------------------------------------------------------------------------------------------

export const explorerRow = (page: Page, name: string): Locator =>
  page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`).first();
export const activeEditor = (page: Page): Locator => page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
export const editorLine = (page: Page, text: string | RegExp): Locator => activeEditor(page).locator('.view-line', { hasText: text }).first();
export const squiggles = (page: Page): Locator => activeEditor(page).locator('.view-overlays .squiggly-error, .view-overlays .squiggly-warning, .view-overlays .squiggly-info');
export const visibleHover = (page: Page): Locator => page.locator('.monaco-hover:not(.hidden)').filter({ visible: true }).first();
export const actionWidget = (page: Page): Locator => page.locator('.action-widget').filter({ visible: true }).first();
export const problemsPanel = (page: Page): Locator => page.locator('.markers-panel').first();
export const problemRows = (page: Page): Locator => page.locator('.markers-panel .monaco-list-row');
export const findingsPane = (page: Page): Locator =>
  page.locator('.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: /^\s*Kube Hardening/i }) }).first();
export const statusItem = (page: Page): Locator =>
  page.locator('.statusbar-item').filter({ has: page.locator('.codicon-shield, .codicon-sync') }).first();

// ---- steps (each waits on the UI, never on a clock) --------------------------------------------------------------

/** Opens a file from the Explorer and waits for its tab and its editor text. */
export async function openFromExplorer(page: Page, name: string): Promise<void> {
  await explorerRow(page, name).click();
  await page.locator(`.tabs-container .tab[aria-label^="${name}"]`).first().waitFor({ timeout: 30000 });
  await activeEditor(page).locator('.view-line').first().waitFor({ timeout: 30000 });
}

// Monaco draws the text of line N in `.view-lines`, its line number in `.margin-view-overlays` and its decorations
// (squiggles) in `.view-overlays`, each in a row at the same `top`. This browser-side snippet finds line N's rows.
const FIND_LINE = `(n) => {
  const editor = document.querySelector('.editor-group-container.active .editor-instance .monaco-editor');
  if (!editor) return undefined;
  const number = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].find((e) => e.textContent.trim() === String(n));
  const top = number && number.closest('.margin-view-overlays > div').style.top;
  if (!top) return undefined;
  const text = [...editor.querySelectorAll('.view-lines .view-line')].find((l) => l.style.top === top);
  const overlay = [...editor.querySelectorAll('.view-overlays > div')].find((d) => d.style.top === top);
  return text && { text, overlay };
}`;

/**
 * Waits until line `line` (1-based) of the active editor carries a squiggle of `kind` (error, warning, info) and
 * returns a locator for it. The predicate is polled by Playwright on animation frames; it marks what it found.
 */
export async function waitForSquiggle(page: Page, line: number, kind: 'error' | 'warning' | 'info', timeout = 60000): Promise<Locator> {
  await page.evaluate('document.querySelectorAll("[data-kh-squiggle]").forEach((e) => e.removeAttribute("data-kh-squiggle"))');
  await page.waitForFunction(`(() => {
    const found = (${FIND_LINE})(${line});
    const squiggle = found && found.overlay && found.overlay.querySelector('.squiggly-${kind}');
    if (squiggle) squiggle.setAttribute('data-kh-squiggle', '1');
    return !!squiggle;
  })()`, undefined, { timeout });
  return activeEditor(page).locator('[data-kh-squiggle]').first();
}

/** The text row of line `line` (1-based) of the active editor, once it is rendered. */
export async function editorLineAt(page: Page, line: number, timeout = 30000): Promise<Locator> {
  await page.evaluate('document.querySelectorAll("[data-kh-line]").forEach((e) => e.removeAttribute("data-kh-line"))');
  await page.waitForFunction(`(() => {
    const found = (${FIND_LINE})(${line});
    if (found) found.text.setAttribute('data-kh-line', '1');
    return !!found;
  })()`, undefined, { timeout });
  return activeEditor(page).locator('.view-line[data-kh-line]').first();
}

/** Hovers the centre of an element and waits for the editor hover holding `text`. */
export async function hoverAndWait(page: Page, target: Locator, text: string): Promise<Locator> {
  const box = await target.boundingBox();
  if (!box) throw new Error('the hover target is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  const hover = page.locator('.monaco-hover', { hasText: text }).filter({ visible: true }).first();
  await hover.waitFor({ timeout: 20000 });
  return hover;
}

export async function dismissHover(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.keyboard.press('Escape');
  await page.locator('.monaco-editor .monaco-hover').filter({ visible: true }).first().waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
}

/** Opens the Problems panel and filters it to `filter` (a file name or text); waits for a row holding `expect`. */
export async function showProblems(page: Page, filter: string, expect: string | RegExp): Promise<Locator> {
  await page.keyboard.press('Control+Shift+M');
  await problemsPanel(page).waitFor({ timeout: 20000 });
  const input = page.locator('.panel .viewpane-filter input, .panel .viewpane-filter textarea, .panel .markers-panel-action-filter input').filter({ visible: true }).first();
  await input.click();
  await input.fill(filter);
  const row = problemRows(page).filter({ hasText: expect }).first();
  await row.waitFor({ timeout: 60000 });
  return row;
}

export async function clearProblemsFilter(page: Page): Promise<void> {
  const input = page.locator('.panel .viewpane-filter input, .panel .viewpane-filter textarea, .panel .markers-panel-action-filter input').filter({ visible: true }).first();
  if (await input.count()) await input.fill('');
}

/** Puts the cursor on `word` of line `line` by clicking it in the editor's `.view-lines` (not its textarea). */
export async function clickWord(page: Page, line: number, word: string): Promise<void> {
  const row = await editorLineAt(page, line);
  const span = row.locator('span span', { hasText: new RegExp(`^\\s*${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }).first();
  const box = await span.boundingBox();
  if (!box) throw new Error(`"${word}" is not on screen on line ${line}`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Ctrl+. and waits until the quick-fix menu is shown and has keyboard focus (Enter before that is lost). */
export async function openQuickFixMenu(page: Page): Promise<string[]> {
  await page.keyboard.press('Control+.');
  const widget = actionWidget(page);
  await widget.locator('.monaco-list-row').first().waitFor({ timeout: 20000 });
  await page.waitForFunction('!!(document.activeElement && document.activeElement.closest(".action-widget"))', undefined, { timeout: 10000 });
  return (await widget.locator('.monaco-list-row').allInnerTexts()).map((s) => s.trim());
}
