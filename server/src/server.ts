// The language server: LSP wiring only. Documents, settings and conversions live in their own modules; the
// engine does the checking. Nothing here writes to stdout, which carries the protocol.
import {
  buildView, changedNamespaces, fileFacts, guidanceSection, fileInternalErrors, fixAll, RULES, singleEdit, suppressedIdAt, suppressionFixes,
  workspaceFindings, CONFIG_FILE_NAME, engineConfigOf, isKustomizationFile, kustomizationPatches, parseConfig,
  type EngineConfig, type FileFacts, type Finding, type LintOptions, type ProjectConfig, type WorkspaceView,
} from '@kube-hardening/shared-rules';
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { URI } from 'vscode-uri';
import {
  CodeActionKind, DiagnosticSeverity, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  FileChangeType, TextDocumentSyncKind,
  type CodeAction, type Connection, type Diagnostic, type InitializeResult, type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import {
  SHOW_DOCUMENTATION, SOURCE, toDiagnostics, toHover, toQuickFix, toRuleIdHover, toShowDocumentation, toWorkspaceEdit,
  type DiagnosticData, type EditSupport,
} from './convert.js';
import { DocumentStore, malformedChanges, type OpenDocument } from './documents.js';
import { openDiagnostics } from './open-diagnostics.js';
import { serverConnection } from './transport.js';
import { refusedGlobs, shownGlob } from './globs.js';
import { isExcluded, listYamlFiles, yieldToEventLoop } from './scan.js';
import { DEFAULT_SETTINGS, enabledGlobs, parseSettings, type Settings } from './settings.js';
import { checkFile, type FileCheck } from './index-entry.js';
import { createScanPool } from './scan-pool.js';
import { lineMap, lineMapOf, WorkspaceIndex, type PositionMap } from './workspace-index.js';

const KNOWN_RULES: ReadonlySet<string> = new Set(RULES.map((r) => r.meta.id));
/** The source action users bind to save (`editor.codeActionsOnSave`); it applies only `safe` fixes. */
const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kube-hardening`;

/** Carried by a fix-all action until it is resolved (its edit is computed only when the user picks it). */
interface FixAllData {
  readonly uri: string;
  readonly version: number;
  readonly ruleId?: string;
  readonly safety?: 'safe';
}

export const RESCAN_COMMAND = 'kube-hardening.rescan';
export const RULE_CATALOG_REQUEST = 'kube-hardening/ruleCatalog';
export const SCAN_STATE_NOTIFICATION = 'kube-hardening/scanState';
const MB = 1024 * 1024;
/** A lint slower than this is logged. */
const SLOW_LINT_MS = 100;
/** Turns of the event loop a lint waits for changes still queued (each turn hands over one message). */
const MAX_LINT_DEFERRALS = 200;
/** From this many files a scan runs in worker threads; below it, starting them costs more than it saves. */
const POOL_MIN_FILES = 20;

interface ScanWork {
  readonly uri: string;
  readonly path: string;
  readonly settings: Settings;
  readonly excludes: string[];
}

/** The facts of a file that was not checked (too large): it declares nothing. */
function emptyFacts(uri: string): FileFacts {
  return { file: uri, facts: [], suppressions: [], length: 0, eol: '\n', finalNewline: true };
}
/** How long we wait for `workspace/configuration` before linting with the defaults. */
const SETTINGS_TIMEOUT_MS = 3000;

export function startServer(connection: Connection): void {
  // Anything that calls console.* must not reach stdout.
  console.log = console.info = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));

  const documents = new DocumentStore();
  const settingsCache = new Map<string, Promise<Settings>>();
  /** Documents with a lint scheduled, and whether a change came in since the last turn. */
  const scheduled = new Map<string, { changed: boolean }>();
  let canPullConfiguration = false;
  let canRegisterConfigurationChange = false;
  let editSupport: EditSupport = { versioned: false, snippets: false };
  let canResolveEdits = false;
  let canShowDocument = false;

  const log = (message: string) => connection.console.log(message);
  const guard = <A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R) => (...args: A): R => {
    try {
      return fn(...args);
    } catch (e) {
      connection.console.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  };

  function editorSettingsFor(uri: string): Promise<Settings> {
    if (!canPullConfiguration) return Promise.resolve(globalSettings);
    let cached = settingsCache.get(uri);
    if (!cached) {
      const request = connection.workspace.getConfiguration({ scopeUri: uri, section: 'kubeHardening' }).then(
        (raw) => {
          const { settings, problems } = parseSettings(raw, KNOWN_RULES);
          for (const p of problems) connection.console.warn(p);
          return settings;
        },
        (e) => {
          connection.console.warn(`workspace/configuration failed (${String(e)}); using defaults`);
          return DEFAULT_SETTINGS;
        },
      );
      const timeout = new Promise<Settings>((resolve) => setTimeout(() => {
        resolve(DEFAULT_SETTINGS);
      }, SETTINGS_TIMEOUT_MS).unref());
      cached = Promise.race([request, timeout]);
      settingsCache.set(uri, cached);
    }
    return cached;
  }
  let globalSettings: Settings = DEFAULT_SETTINGS;

  /** The project configuration of each workspace folder (`.kube-hardening.yaml` at its root). */
  const projectConfigs = new Map<string, { readonly config: ProjectConfig; readonly engine: EngineConfig | undefined }>();

  function projectConfigFor(uri: string) {
    const parsed = URI.parse(uri);
    const folder = parsed.scheme === 'file' ? folderOf(parsed.fsPath) : undefined;
    return folder ? projectConfigs.get(folder) : undefined;
  }

  /** Editor settings over the project configuration file: the editor wins where both speak. */
  async function settingsFor(uri: string): Promise<Settings> {
    const settings = await editorSettingsFor(uri);
    const project = projectConfigFor(uri)?.config;
    if (!project) return settings;
    return { ...settings, rules: { ...project.rules, ...settings.rules }, exclude: [...project.exclude, ...settings.exclude] };
  }

  /** Files that a kustomization lists as patches (file-system paths): partial objects. */
  let kustomizePatches = new Set<string>();

  /** Lint options for a file: its folder's engine configuration (same object until it changes); patches are partial. */
  const lintOptionsFor = (uri: string): LintOptions => {
    const engine = projectConfigFor(uri)?.engine;
    const parsed = URI.parse(uri);
    const partial = parsed.scheme === 'file' && kustomizePatches.has(parsed.fsPath);
    return { ...(engine ? { config: engine } : {}), ...(partial ? { partial } : {}) };
  };

  /** Re-reads every kustomization of the workspace; returns whether the set of patch files changed. */
  async function loadKustomizations(files: readonly string[]): Promise<boolean> {
    const patches = new Set<string>();
    for (const path of files.filter((f) => isKustomizationFile(basename(f)))) {
      const folder = folderOf(path);
      if (!folder || !(await isInside(folder, path))) continue;
      try {
        // The patch paths are only names to recognise files of the workspace by: they are never read.
        for (const p of kustomizationPatches(await fs.readFile(path, 'utf8'))) patches.add(resolve(dirname(path), p));
      } catch {
        // unreadable: no patches from it
      }
    }
    const changed = patches.size !== kustomizePatches.size || [...patches].some((p) => !kustomizePatches.has(p));
    kustomizePatches = patches;
    return changed;
  }
  let kustomizationFiles: string[] = [];

  const isConfigFile = (uri: string) => uri.endsWith(`/${CONFIG_FILE_NAME}`);

  /**
   * Reads a folder's `.kube-hardening.yaml` (from the open buffer when it is open), publishes its problems in it, and
   * returns whether the configuration changed.
   */
  async function loadProjectConfig(folder: string): Promise<boolean> {
    const uri = URI.file(`${folder}/${CONFIG_FILE_NAME}`).toString();
    const open = documents.get(uri);
    let text: string | undefined = open?.document.getText();
    if (text === undefined) {
      try {
        const path = `${folder}/${CONFIG_FILE_NAME}`;
        text = (await isInside(folder, path)) ? await fs.readFile(path, 'utf8') : undefined;
      } catch {
        text = undefined;
      }
    }
    const before = projectConfigs.get(folder);
    if (text === undefined) {
      projectConfigs.delete(folder);
      return before !== undefined;
    }
    const { config, problems } = parseConfig(text);
    for (const p of problems) connection.console.warn(`${CONFIG_FILE_NAME}: ${p.message}`);
    const positions = open?.document ?? lineMap(text);
    await connection.sendDiagnostics({
      uri,
      ...(open ? { version: open.document.version } : {}),
      diagnostics: problems.map((p) => ({
        range: { start: positions.positionAt(p.range.start), end: positions.positionAt(p.range.end) },
        severity: DiagnosticSeverity.Error, source: SOURCE, message: p.message,
      })),
    });
    if (before && JSON.stringify(before.config) === JSON.stringify(config)) return false;
    projectConfigs.set(folder, { config, engine: engineConfigOf(config) });
    return true;
  }

  /** After a project configuration changed: re-lint open files with it, and rescan. */
  function projectConfigChanged(): void {
    for (const state of documents.all()) if (!isConfigFile(state.document.uri)) void lintAndPublish(state);
    void scanWorkspace();
  }

  /**
   * Lints once the changes already received are applied, so a burst is linted once. vscode-jsonrpc handles one
   * queued message per turn of the event loop: the lint waits for a turn in which no change to this document came
   * in (the first turn always waits, the message that scheduled it may have others queued behind it).
   */
  function schedule(uri: string): void {
    const pending = scheduled.get(uri);
    if (pending) {
      pending.changed = true;
      return;
    }
    const entry = { changed: true };
    scheduled.set(uri, entry);
    let waited = 0;
    const turn = () => {
      // A client that never stops sending changes still gets a lint after MAX_LINT_DEFERRALS turns.
      if (entry.changed && waited++ < MAX_LINT_DEFERRALS) {
        entry.changed = false;
        setImmediate(turn);
        return;
      }
      scheduled.delete(uri);
      const state = documents.get(uri);
      if (state) void lintAndPublish(state);
    };
    setImmediate(turn);
  }

  /**
   * Resolves after the first message that arrived meanwhile (during a long lint) has been read and handled: a turn
   * of the event loop for the pipe to be read, one for vscode-jsonrpc's reader to decode the message (its semaphore
   * runs each on a turn of its own), one for its queue to hand it to our handler, and one to spare.
   */
  function afterArrivals(turns = 4): Promise<void> {
    return new Promise((resolve) => {
      const next = (left: number) => (left === 0 ? resolve() : setImmediate(() => next(left - 1)));
      next(turns);
    });
  }

  const index = new WorkspaceIndex();
  /** Workspace folders as file-system paths. */
  let folders: string[] = [];
  let canWatchFiles = false;
  let canReportProgress = false;
  let canFollowFolders = false;
  let scan: { cancelled: boolean } | undefined;
  /** The settings of the last resolved request per document, for requests that cannot wait (hover, code actions). */
  const lastSettings = new Map<string, Settings>();

  const enabledSets = new WeakMap<Settings, ReadonlySet<string>>();
  const enabledRules = (settings: Settings): ReadonlySet<string> => {
    let ids = enabledSets.get(settings);
    if (!ids) enabledSets.set(settings, (ids = new Set(RULES.map((r) => r.meta.id).filter((id) => settings.rules[id] !== 'off'))));
    return ids;
  };

  function skippedDiagnostic(sizeBytes: number, settings: Settings): Diagnostic {
    return {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      message: `Kube Hardening skipped this file: it is ${(sizeBytes / MB).toFixed(1)} MB, above kubeHardening.maxFileSize (${settings.maxFileSize} MB). Raise the setting to check it.`,
    };
  }

  /**
   * The workspace an open document is judged against: the index's view, or with scanning off a view of the file
   * alone, kept while its namespaces' facts stay the same (so per-document results cached against it stay valid).
   */
  function viewFor(state: OpenDocument, facts: FileFacts, settings: Settings): WorkspaceView {
    if (settings.workspaceScan !== 'off') return index.view();
    if (!state.ownView || changedNamespaces(state.ownView.facts, facts).size > 0) state.ownView = { facts, view: buildView([facts]) };
    return state.ownView.view;
  }

  /** An open document's findings judged against the workspace (for hovers and code actions; computed on demand). */
  function judgeOpen(state: OpenDocument, settings: Settings): readonly Finding[] {
    const facts = fileFacts(state.linted!, state.document.uri);
    const view = viewFor(state, facts, settings);
    const judged = state.judged;
    if (judged && judged.linted === state.linted && judged.view === view && judged.settings === settings) return judged.findings;
    const findings = workspaceFindings(state.findings, facts, view, enabledRules(settings));
    state.judged = { linted: state.linted!, view, settings, findings };
    return findings;
  }

  /** Publishes one file's diagnostics: an open buffer with its version, an indexed file on disk without. */
  async function publish(uri: string): Promise<void> {
    try {
      const state = documents.get(uri);
      const settings = await settingsFor(uri);
      lastSettings.set(uri, settings);
      if (state) {
        const version = state.document.version;
        const size = state.document.getText().length;
        if (size > settings.maxFileSize * MB) {
          await connection.sendDiagnostics({ uri, version, diagnostics: [skippedDiagnostic(size, settings)] });
          return;
        }
        if (!state.linted || state.lintedVersion !== version) return; // a newer lint will publish
        // Per document, reusing what an edit did not touch (open-diagnostics.ts); the findings behind them are
        // judged only when a hover or a code action asks (currentFindings).
        const facts = fileFacts(state.linted, uri);
        const diagnostics = openDiagnostics(state.document, state.linted, facts, viewFor(state, facts, settings), enabledRules(settings), settings);
        await connection.sendDiagnostics({ uri, version, diagnostics });
        return;
      }
      const entry = index.get(uri);
      if (!entry) return;
      if (entry.skippedBytes !== undefined) {
        await connection.sendDiagnostics({ uri, diagnostics: [skippedDiagnostic(entry.skippedBytes, settings)] });
        return;
      }
      const findings = workspaceFindings(entry.local, entry.facts, index.view(), enabledRules(settings));
      await connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(entry.positions, findings, settings) });
    } catch (e) {
      connection.console.error(`publish failed for ${uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  /** Re-judges (without re-parsing) the files whose result depends on the namespaces that changed. */
  function publishDependents(changed: ReadonlySet<string>, except: string): void {
    for (const uri of index.dependents(changed, except)) void publish(uri);
  }

  async function lintAndPublish(state: OpenDocument): Promise<void> {
    const uri = state.document.uri;
    if (isConfigFile(uri)) {
      // The project configuration being edited: its problems are its diagnostics; a change re-judges the folder.
      const folder = folderOf(URI.parse(uri).fsPath);
      if (folder && (await loadProjectConfig(folder))) projectConfigChanged();
      return;
    }
    try {
      const started = performance.now();
      const settings = await settingsFor(uri);
      if (documents.get(uri) !== state) return;
      if (state.document.getText().length > settings.maxFileSize * MB) {
        index.delete(uri);
        await publish(uri);
        return;
      }
      documents.lint(state, lintOptionsFor(uri));
      for (const e of fileInternalErrors(state.linted!)) connection.console.error(`internal error${e.ruleId ? ` in rule ${e.ruleId}` : ''}: ${e.message}`);
      const changed = settings.workspaceScan === 'off' ? new Set<string>()
        // `local` read only when needed: an open file is published from its OpenDocument, not from the index.
        : index.set({ uri, facts: fileFacts(state.linted!, uri), get local() { return state.findings; }, positions: state.document });
      // Changes that arrived during the lint make it outdated: they schedule their own lint, and this version's
      // diagnostics are not sent (never publish for a superseded version).
      await afterArrivals();
      await publish(uri);
      publishDependents(changed, uri);
      const took = performance.now() - started;
      // The keystroke path stays quiet; slow lints are worth a line in the output channel.
      if (took > SLOW_LINT_MS) log(`linted ${uri} v${state.document.version}: ${state.findings.length} findings in ${took.toFixed(1)} ms`);
    } catch (e) {
      connection.console.error(`lint failed for ${uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  /** The workspace folder holding a path, if any. */
  /** The workspace folder holding a path (`..` segments resolved first: `folder/../x` is not in the folder), if any. */
  const folderOf = (path: string) => folderHolding(folders, path);

  /** Refused exclusion globs already reported (each once per session). */
  const reportedGlobs = new Set<string>();
  async function excludesFor(folder: string, settings: Settings): Promise<string[]> {
    const globs = [...settings.exclude];
    if (canPullConfiguration) {
      const scopeUri = URI.file(folder).toString();
      // A client that never answers must not stall the scan: after the timeout, no editor exclusions.
      const [files, search] = await Promise.all([
        withTimeout(connection.workspace.getConfiguration({ scopeUri, section: 'files.exclude' }).catch(() => null), SETTINGS_TIMEOUT_MS, null),
        withTimeout(connection.workspace.getConfiguration({ scopeUri, section: 'search.exclude' }).catch(() => null), SETTINGS_TIMEOUT_MS, null),
      ]);
      globs.push(...enabledGlobs(files), ...enabledGlobs(search));
    }
    for (const { glob, reason } of refusedGlobs(globs)) {
      if (reportedGlobs.has(glob)) continue;
      reportedGlobs.add(glob);
      connection.console.warn(`ignoring the exclusion glob ${shownGlob(glob)} (${folder}): ${reason}`);
    }
    return globs;
  }

  /** Reads, checks and indexes one file from disk; returns the namespaces it changed, or undefined when it is not ours. */
  async function indexFromDisk(uri: string, settings: Settings, excludes?: readonly string[]): Promise<Set<string> | undefined> {
    const path = URI.parse(uri).fsPath;
    const folder = folderOf(path);
    // A kustomization is kustomize's own file, not a manifest.
    if (!folder || isKustomizationFile(basename(path)) || isExcluded(folder, path, excludes ?? (await excludesFor(folder, settings)))) return index.delete(uri);
    // A symbolic link out of the folder (the scan never follows links; a watcher event may name one) is not read.
    if (!(await isInside(folder, path))) return index.delete(uri);
    const result = await checkFile(path, uri, settings.maxFileSize * MB, lintOptionsFor(uri));
    if (documents.get(uri)) return new Set(); // opened meanwhile: the buffer wins
    return indexChecked(uri, result);
  }

  /** Files the index with what reading it found: its entry, one "too large" note, or nothing. */
  function indexChecked(uri: string, result: FileCheck): Set<string> {
    if (result.kind === 'too-large') return index.set({ uri, facts: emptyFacts(uri), local: [], positions: lineMap(''), skippedBytes: result.size });
    if (result.kind !== 'linted') return index.delete(uri);
    for (const e of result.internalErrors) connection.console.error(`internal error in ${uri}: ${e}`);
    return index.set({ uri, facts: result.facts, local: result.local, positions: lineMapOf(result.lineStarts, result.length) });
  }

  /** Indexes the files of a scan in worker threads (scan-pool.ts); what a worker could not do is done here. */
  async function indexInWorkers(work: readonly ScanWork[], token: { cancelled: boolean }, report: (done: number) => void): Promise<void> {
    const pool = createScanPool(join(__dirname, 'scan-worker.js'));
    const inFlight = new Set<Promise<void>>();
    let done = 0;
    let failures = 0;
    try {
      for (const w of work) {
        if (token.cancelled) break;
        const p = (async () => {
          if (documents.get(w.uri) || isKustomizationFile(basename(w.path))) return;
          const result = await pool.run({ path: w.path, uri: w.uri, maxBytes: w.settings.maxFileSize * MB, options: lintOptionsFor(w.uri) });
          // The buffer wins over the file on disk; a cancelled scan's results are dropped.
          if (token.cancelled || documents.get(w.uri)) return;
          if (result.kind !== 'failed') indexChecked(w.uri, result);
          else {
            // Logged once a scan: a worker that cannot start fails every file the same way.
            if (failures++ === 0) log(`scan worker could not check ${w.uri} (and maybe others); checking them here: ${result.message.split('\n')[0]}`);
            await indexFromDisk(w.uri, w.settings, w.excludes);
          }
        })().finally(() => {
          inFlight.delete(p);
          report(++done);
        });
        inFlight.add(p);
        if (inFlight.size >= pool.capacity) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    } finally {
      await pool.close();
    }
  }

  /** Finds, checks and publishes every Kubernetes YAML file of the workspace folders, yielding between files. */
  async function scanWorkspace(): Promise<void> {
    if (scan) scan.cancelled = true;
    const token = { cancelled: false };
    scan = token;
    const started = performance.now();
    let progress: WorkDoneProgressServerReporter | undefined;
    try {
      const perFolder: { folder: string; settings: Settings; excludes: string[] }[] = [];
      for (const folder of folders) await loadProjectConfig(folder);
      for (const folder of folders) {
        const settings = await settingsFor(URI.file(folder).toString());
        if (settings.workspaceScan === 'on' && settings.enable) perFolder.push({ folder, settings, excludes: await excludesFor(folder, settings) });
      }
      // Forget files on disk (open buffers stay) before a full rescan; those not found again are cleared below.
      const before = index.uris().filter((uri) => !documents.get(uri));
      for (const uri of before) index.delete(uri);
      const clearGone = async () => {
        for (const uri of before) if (!index.get(uri) && !documents.get(uri)) await connection.sendDiagnostics({ uri, diagnostics: [] });
      };
      if (perFolder.length === 0) {
        await clearGone();
        return;
      }
      void connection.sendNotification(SCAN_STATE_NOTIFICATION, { scanning: true, files: 0 });
      if (canReportProgress) {
        progress = await connection.window.createWorkDoneProgress();
        progress.begin('Kube Hardening', 0, 'finding Kubernetes YAML files', true);
        progress.token.onCancellationRequested(() => {
          token.cancelled = true;
        });
      }
      const cancelled = () => token.cancelled;
      const work: ScanWork[] = [];
      const paths: string[] = [];
      for (const f of perFolder) {
        for (const c of await listYamlFiles(f.folder, f.excludes, cancelled)) {
          work.push({ uri: URI.file(c.path).toString(), path: c.path, settings: f.settings, excludes: f.excludes });
          paths.push(c.path);
        }
      }
      // kustomizations first: the patches they name are judged as partial objects.
      kustomizationFiles = paths.filter((p) => isKustomizationFile(basename(p)));
      if (await loadKustomizations(kustomizationFiles)) {
        for (const state of documents.all()) void lintAndPublish(state);
      }
      const report = (done: number) => {
        if (progress && (done % 10 === 0 || done === work.length)) {
          progress.report(Math.round((done * 100) / work.length), `scanning ${done.toLocaleString('en')}/${work.length.toLocaleString('en')} files`);
        }
      };
      if (work.length >= POOL_MIN_FILES) await indexInWorkers(work, token, report);
      else {
        for (let i = 0; i < work.length && !token.cancelled; i++) {
          const w = work[i]!;
          if (!documents.get(w.uri)) await indexFromDisk(w.uri, w.settings, w.excludes);
          report(i + 1);
          await yieldToEventLoop(); // typing in open files is served between files
        }
      }
      if (token.cancelled) {
        log('workspace scan cancelled');
        return;
      }
      for (const uri of index.uris()) await publish(uri);
      await clearGone();
      log(`scanned ${work.length} YAML files (${index.size} Kubernetes files) in ${(performance.now() - started).toFixed(0)} ms`);
    } catch (e) {
      connection.console.error(`workspace scan failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    } finally {
      progress?.done();
      if (scan === token) scan = undefined;
      void connection.sendNotification(SCAN_STATE_NOTIFICATION, { scanning: false, files: index.size });
    }
  }

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    canPullConfiguration = !!caps.workspace?.configuration;
    canRegisterConfigurationChange = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    editSupport = { versioned: !!caps.workspace?.workspaceEdit?.documentChanges, snippets: !!caps.workspace?.workspaceEdit?.snippetEditSupport };
    canResolveEdits = !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    canShowDocument = !!caps.window?.showDocument?.support;
    canWatchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canReportProgress = !!caps.window?.workDoneProgress;
    canFollowFolders = !!caps.workspace?.workspaceFolders;
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = roots.flatMap((u) => {
      const parsed = URI.parse(u);
      return parsed.scheme === 'file' ? [parsed.fsPath] : [];
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        executeCommandProvider: { commands: [SHOW_DOCUMENTATION, RESCAN_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kube-hardening', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfigurationChange) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kubeHardening' });
    }
    if (canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
    }
    if (canFollowFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => URI.parse(f.uri).fsPath));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => URI.parse(f.uri).fsPath)];
        void scanWorkspace();
      });
    }
    void scanWorkspace();
  });

  connection.onDidChangeWatchedFiles(guard('didChangeWatchedFiles', undefined, ({ changes }) => {
    void (async () => {
      for (const change of changes) {
        if (documents.get(change.uri)) continue; // the open buffer is what counts
        if (isConfigFile(change.uri)) {
          const folder = folderOf(URI.parse(change.uri).fsPath);
          if (folder && (await loadProjectConfig(folder))) projectConfigChanged();
          continue;
        }
        const changedPath = URI.parse(change.uri).fsPath;
        if (isKustomizationFile(basename(changedPath))) {
          kustomizationFiles = change.type === FileChangeType.Deleted ? kustomizationFiles.filter((f) => f !== changedPath)
            : [...new Set([...kustomizationFiles, changedPath])];
          if (await loadKustomizations(kustomizationFiles)) projectConfigChanged();
        }
        const settings = await settingsFor(change.uri);
        if (change.type === FileChangeType.Deleted) {
          const changed = index.delete(change.uri);
          await connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
          publishDependents(changed, change.uri);
          continue;
        }
        if (settings.workspaceScan !== 'on' || !settings.enable) continue;
        const had = !!index.get(change.uri);
        const changed = await indexFromDisk(change.uri, settings);
        if (index.get(change.uri)) await publish(change.uri);
        else if (had) await connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
        if (changed) publishDependents(changed, change.uri);
      }
    })();
  }));

  connection.onDidChangeConfiguration(guard('didChangeConfiguration', undefined, (params) => {
    settingsCache.clear();
    if (!canPullConfiguration) {
      const raw = (params.settings as Record<string, unknown> | null | undefined)?.kubeHardening;
      const { settings, problems } = parseSettings(raw, KNOWN_RULES);
      for (const p of problems) connection.console.warn(p);
      globalSettings = settings;
    }
    // Findings do not depend on severities: re-publish with the new ones; a rescan picks up scan settings.
    for (const state of documents.all()) void lintAndPublish(state);
    void scanWorkspace();
  }));

  connection.onDidOpenTextDocument(guard('didOpen', undefined, ({ textDocument: td }) => {
    // A malformed notification must not leave a document whose text is not a string (every later request would fail).
    if (typeof td?.uri !== 'string' || typeof td.text !== 'string') {
      connection.console.warn(`didOpen ignored: malformed textDocument (uri ${typeof td?.uri}, text ${typeof td?.text})`);
      return;
    }
    const state = documents.open(td.uri, typeof td.languageId === 'string' ? td.languageId : 'yaml', Number.isInteger(td.version) ? td.version : 0, td.text);
    schedule(state.document.uri);
  }));

  connection.onDidChangeTextDocument(guard('didChange', undefined, ({ textDocument, contentChanges }) => {
    const malformed = malformedChanges(contentChanges);
    if (malformed) {
      connection.console.warn(`didChange ignored for ${String(textDocument?.uri)}: ${malformed}`);
      return;
    }
    if (!documents.change(textDocument.uri, textDocument.version ?? 0, contentChanges)) {
      log(`didChange for a document that is not open: ${textDocument.uri}`);
      return;
    }
    schedule(textDocument.uri);
  }));

  connection.onDidCloseTextDocument(guard('didClose', undefined, ({ textDocument }) => {
    const uri = textDocument.uri;
    if (!documents.close(uri)) {
      log(`didClose for a document that is not open: ${uri}`);
      return;
    }
    lastSettings.delete(uri);
    if (isConfigFile(uri)) {
      // Back to the file on disk (or none).
      const folder = folderOf(URI.parse(uri).fsPath);
      void (async () => {
        if (folder && (await loadProjectConfig(folder))) projectConfigChanged();
      })();
      return;
    }
    void (async () => {
      const settings = await settingsFor(uri);
      // Closing falls back to the file on disk when the workspace is scanned; otherwise its problems leave.
      const changed = settings.workspaceScan === 'on' && settings.enable ? await indexFromDisk(uri, settings) : index.delete(uri);
      if (documents.get(uri)) return;
      if (index.get(uri)) await publish(uri);
      else await connection.sendDiagnostics({ uri, diagnostics: [] });
      if (changed) publishDependents(changed, uri);
      settingsCache.delete(uri);
    })();
  }));

  /**
   * The current findings of a document judged against the workspace (those behind its diagnostics), linting first
   * when changes are pending (requests see the latest text).
   */
  function currentFindings(uri: string): { state: OpenDocument; published: readonly Finding[] } | undefined {
    const state = documents.get(uri);
    // A file above maxFileSize is never linted, not even for a hover: it has no findings.
    if (!state || state.document.getText().length > (lastSettings.get(uri) ?? DEFAULT_SETTINGS).maxFileSize * MB) return undefined;
    if (state.lintedVersion !== state.document.version || !state.linted) documents.lint(state, lintOptionsFor(uri));
    return { state, published: state.linted ? judgeOpen(state, lastSettings.get(uri) ?? DEFAULT_SETTINGS) : [] };
  }

  connection.onHover(guard('hover', null, ({ textDocument, position }) => {
    const current = currentFindings(textDocument.uri);
    if (!current) return null;
    const { state, published } = current;
    const offset = state.document.offsetAt(position);
    const here = published.filter((f) => f.range.start <= offset && offset <= f.range.end);
    if (here.length > 0) return toHover(state.document, here);
    const id = state.linted ? suppressedIdAt(state.linted, offset) : undefined;
    return id ? toRuleIdHover(state.document, id.id, id.range) : null;
  }));

  /** Edits for "fix all": one edit from the file's text to the text with every matching fix applied. */
  function fixAllEdits(state: OpenDocument, ruleId: string | undefined, safety: 'safe' | undefined) {
    const text = state.document.getText();
    const result = fixAll(text, { ...(ruleId ? { ruleId } : {}), ...(safety ? { safety } : {}) });
    const edit = singleEdit(text, result.text);
    if (result.remaining > 0) connection.console.warn(`fix all: ${result.remaining} fix(es) left after ${result.applied} applied (overlapping edits)`);
    return edit ? [edit] : [];
  }

  function fixAllAction(state: OpenDocument, title: string, kind: string, data: FixAllData, diagnostics: Diagnostic[]): CodeAction {
    const action: CodeAction = { title, kind, diagnostics, data };
    if (!canResolveEdits) action.edit = toWorkspaceEdit(state.document, fixAllEdits(state, data.ruleId, data.safety), editSupport);
    return action;
  }

  connection.onCodeAction(guard('codeAction', [] as CodeAction[], ({ textDocument, context }) => {
    const current = currentFindings(textDocument.uri);
    const linted = current?.state.linted;
    if (!current || !linted) return [];
    const { state, published } = current;
    const wants = (kind: string) => !context.only || context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    const version = state.document.version;
    const uri = textDocument.uri;
    if (wants(FIX_ALL_KIND) && context.only) {
      actions.push(fixAllAction(state, 'Fix all safe Kube Hardening problems', FIX_ALL_KIND, { uri, version, safety: 'safe' }, []));
    }
    if (!wants(CodeActionKind.QuickFix)) return actions;
    const fixes: CodeAction[] = [];
    const suppressions: CodeAction[] = [];
    const docs: CodeAction[] = [];
    const fixAlls: CodeAction[] = [];
    const seen = new Set<string>();
    const fixable = state.findings.filter((f) => f.fixes.length > 0 && !f.stale);
    const fixableCount = new Map<string, number>();
    for (const f of fixable) fixableCount.set(f.ruleId, (fixableCount.get(f.ruleId) ?? 0) + 1);
    // Diagnostics are matched to findings through a map: a selection of a whole file can carry thousands of them.
    const byRange = new Map<string, Finding>();
    for (const f of published) {
      const key = `${f.ruleId}@${f.range.start}:${f.range.end}`;
      if (!byRange.has(key)) byRange.set(key, f);
    }
    const otherFile = (uri: string): PositionMap | undefined => documents.get(uri)?.document ?? index.get(uri)?.positions;
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const ruleId = (diagnostic.data as DiagnosticData | undefined)?.ruleId ?? String(diagnostic.code ?? '');
      const start = state.document.offsetAt(diagnostic.range.start);
      const end = state.document.offsetAt(diagnostic.range.end);
      const finding = byRange.get(`${ruleId}@${start}:${end}`);
      if (!finding) continue;
      for (const fix of finding.fixes) {
        // Several containers can share one pod-level fix; offer it once.
        const key = JSON.stringify(fix.edits);
        if (seen.has(key)) continue;
        seen.add(key);
        fixes.push(toQuickFix(state.document, fix, [diagnostic], editSupport, otherFile));
      }
      for (const fix of suppressionFixes(linted, finding)) {
        const key = `${fix.title}\u0000${JSON.stringify(fix.edits)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        suppressions.push(toQuickFix(state.document, fix, [diagnostic], editSupport));
      }
      if (!seen.has(`docs:${ruleId}`)) {
        seen.add(`docs:${ruleId}`);
        docs.push(toShowDocumentation(ruleId, [diagnostic]));
      }
      if (!seen.has(`all:${ruleId}`) && (fixableCount.get(ruleId) ?? 0) > 1) {
        seen.add(`all:${ruleId}`);
        fixAlls.push(fixAllAction(state, `Fix all \`${ruleId}\` problems in this file`, CodeActionKind.QuickFix, { uri, version, ruleId }, [diagnostic]));
      }
    }
    if (fixes.length + suppressions.length > 0 && new Set(fixable.map((f) => f.ruleId)).size > 1) {
      fixAlls.push(fixAllAction(state, 'Apply all hardening fixes in this file', CodeActionKind.QuickFix, { uri, version }, []));
    }
    return [...actions, ...fixes, ...suppressions, ...docs, ...fixAlls];
  }));

  connection.onCodeActionResolve((action) => guard('codeAction/resolve', action, (a: CodeAction) => {
    const data = a.data as FixAllData | undefined;
    const state = data ? currentFindings(data.uri)?.state : undefined;
    if (!data || !state || state.document.version !== data.version) return a;
    return { ...a, edit: toWorkspaceEdit(state.document, fixAllEdits(state, data.ruleId, data.safety), editSupport) };
  })(action));

  connection.onExecuteCommand(guard('executeCommand', undefined, ({ command, arguments: args }) => {
    if (command === RESCAN_COMMAND) {
      void scanWorkspace();
      return;
    }
    if (command !== SHOW_DOCUMENTATION || typeof args?.[0] !== 'string') return;
    if (canShowDocument) void connection.window.showDocument({ uri: args[0], external: true });
    else connection.console.log(`Documentation: ${args[0]}`);
  }));

  connection.onRequest(RULE_CATALOG_REQUEST, () => RULES.map((r) => ({ id: r.meta.id, title: r.meta.title, section: guidanceSection(r.meta), severity: r.meta.severity })));

  connection.onShutdown(() => {
    if (scan) scan.cancelled = true;
  });

  connection.listen();
}

/** The workspace folder holding `path` once `..` segments are resolved, if any. */
function folderHolding(folders: readonly string[], path: string): string | undefined {
  const p = resolve(path);
  return folders.find((f) => {
    const folder = resolve(f);
    return p === folder || p.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
  });
}

/** Whether `path`, symbolic links resolved, lies inside `folder` (links resolved too): the only files the server reads. */
async function isInside(folder: string, path: string): Promise<boolean> {
  try {
    const [realFolder, realPath] = await Promise.all([fs.realpath(folder), fs.realpath(path)]);
    return realPath === realFolder || realPath.startsWith(realFolder.endsWith(sep) ? realFolder : `${realFolder}${sep}`);
  } catch {
    return false;
  }
}

/** `promise`, or `fallback` when it has not settled after `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([promise, new Promise<T>((done) => setTimeout(() => done(fallback), ms).unref())]);
}

// Last-resort reports go to stderr. A client that went away leaves stderr a broken pipe: the write error must not
// come back here as another uncaught exception (that loop spun a CPU forever), so a broken stderr is dropped, and a
// broken stdout (the LSP channel itself) ends the server.
let stderrBroken = false;
process.stderr.on('error', () => {
  stderrBroken = true;
});
process.stdout.on('error', () => process.exit(0));
function lastResort(message: string): void {
  if (stderrBroken) return;
  try {
    process.stderr.write(`kube-hardening: ${message}\n`);
  } catch {
    stderrBroken = true;
  }
}
process.on('uncaughtException', (e) => lastResort(`uncaught exception: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => lastResort(`unhandled rejection: ${String(e)}`));

startServer(serverConnection());
