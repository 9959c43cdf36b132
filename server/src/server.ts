// The language server: LSP wiring only. Documents, settings and conversions live in their own modules; the
// engine does the checking. Nothing here writes to stdout, which carries the protocol.
import { fileInternalErrors, fixAll, RULES, singleEdit, suppressedIdAt, suppressionFixes } from '@kube-hardening/shared-rules';
import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocumentSyncKind,
  type CodeAction, type Connection, type Diagnostic, type InitializeResult,
} from 'vscode-languageserver/node';
import {
  SHOW_DOCUMENTATION, SOURCE, toDiagnostics, toHover, toQuickFix, toRuleIdHover, toShowDocumentation, toWorkspaceEdit,
  type DiagnosticData, type EditSupport,
} from './convert.js';
import { DocumentStore, type OpenDocument } from './documents.js';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings.js';

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
/** A lint slower than this is logged. */
const SLOW_LINT_MS = 100;
/** How long we wait for `workspace/configuration` before linting with the defaults. */
const SETTINGS_TIMEOUT_MS = 3000;

export function startServer(connection: Connection): void {
  // Anything that calls console.* must not reach stdout.
  console.log = console.info = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));

  const documents = new DocumentStore();
  const settingsCache = new Map<string, Promise<Settings>>();
  const scheduled = new Set<string>();
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

  function settingsFor(uri: string): Promise<Settings> {
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

  /** Lints on the next turn of the event loop, so a burst of changes already received is linted once. */
  function schedule(uri: string): void {
    if (scheduled.has(uri)) return;
    scheduled.add(uri);
    setImmediate(() => {
      scheduled.delete(uri);
      const state = documents.get(uri);
      if (state) void lintAndPublish(state);
    });
  }

  async function lintAndPublish(state: OpenDocument): Promise<void> {
    try {
      const started = performance.now();
      documents.lint(state);
      const version = state.lintedVersion!;
      for (const e of fileInternalErrors(state.linted!)) connection.console.error(`internal error${e.ruleId ? ` in rule ${e.ruleId}` : ''}: ${e.message}`);
      const settings = await settingsFor(state.document.uri);
      // Never publish for a version that is no longer current, nor for a closed document.
      if (documents.get(state.document.uri) !== state || state.document.version !== version) return;
      const diagnostics = toDiagnostics(state.document, state.findings, settings);
      await connection.sendDiagnostics({ uri: state.document.uri, version, diagnostics });
      const took = performance.now() - started;
      // The keystroke path stays quiet; slow lints are worth a line in the output channel.
      if (took > SLOW_LINT_MS) log(`linted ${state.document.uri} v${version}: ${diagnostics.length} diagnostics in ${took.toFixed(1)} ms`);
    } catch (e) {
      connection.console.error(`lint failed for ${state.document.uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    canPullConfiguration = !!caps.workspace?.configuration;
    canRegisterConfigurationChange = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    editSupport = { versioned: !!caps.workspace?.workspaceEdit?.documentChanges, snippets: !!caps.workspace?.workspaceEdit?.snippetEditSupport };
    canResolveEdits = !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    canShowDocument = !!caps.window?.showDocument?.support;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        executeCommandProvider: { commands: [SHOW_DOCUMENTATION] },
      },
      serverInfo: { name: 'kube-hardening', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfigurationChange) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kubeHardening' });
    }
  });

  connection.onDidChangeConfiguration(guard('didChangeConfiguration', undefined, (params) => {
    settingsCache.clear();
    if (!canPullConfiguration) {
      const raw = (params.settings as Record<string, unknown> | null | undefined)?.kubeHardening;
      const { settings, problems } = parseSettings(raw, KNOWN_RULES);
      for (const p of problems) connection.console.warn(p);
      globalSettings = settings;
    }
    // Findings do not depend on settings: re-publish every open document with the new severities.
    for (const state of documents.all()) void lintAndPublish(state);
  }));

  connection.onDidOpenTextDocument(guard('didOpen', undefined, ({ textDocument: td }) => {
    const state = documents.open(td.uri, td.languageId, td.version, td.text);
    schedule(state.document.uri);
  }));

  connection.onDidChangeTextDocument(guard('didChange', undefined, ({ textDocument, contentChanges }) => {
    if (!documents.change(textDocument.uri, textDocument.version ?? 0, contentChanges)) {
      log(`didChange for a document that is not open: ${textDocument.uri}`);
      return;
    }
    schedule(textDocument.uri);
  }));

  connection.onDidCloseTextDocument(guard('didClose', undefined, ({ textDocument }) => {
    if (!documents.close(textDocument.uri)) return;
    settingsCache.delete(textDocument.uri);
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  }));

  /** The current findings of a document, linting first when changes are pending (requests see the latest text). */
  function currentFindings(uri: string): OpenDocument | undefined {
    const state = documents.get(uri);
    if (state) documents.lint(state);
    return state;
  }

  connection.onHover(guard('hover', null, ({ textDocument, position }) => {
    const state = currentFindings(textDocument.uri);
    if (!state) return null;
    const offset = state.document.offsetAt(position);
    const here = state.findings.filter((f) => f.range.start <= offset && offset <= f.range.end);
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
    const state = currentFindings(textDocument.uri);
    if (!state?.linted) return [];
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
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const ruleId = (diagnostic.data as DiagnosticData | undefined)?.ruleId ?? String(diagnostic.code ?? '');
      const start = state.document.offsetAt(diagnostic.range.start);
      const end = state.document.offsetAt(diagnostic.range.end);
      const finding = state.findings.find((f) => f.ruleId === ruleId && f.range.start === start && f.range.end === end);
      if (!finding) continue;
      for (const fix of finding.fixes) {
        // Several containers can share one pod-level fix; offer it once.
        const key = JSON.stringify(fix.edits);
        if (seen.has(key)) continue;
        seen.add(key);
        fixes.push(toQuickFix(state.document, fix, [diagnostic], editSupport));
      }
      for (const fix of suppressionFixes(state.linted, finding)) {
        const key = `${fix.title}\u0000${JSON.stringify(fix.edits)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        suppressions.push(toQuickFix(state.document, fix, [diagnostic], editSupport));
      }
      if (!seen.has(`docs:${ruleId}`)) {
        seen.add(`docs:${ruleId}`);
        docs.push(toShowDocumentation(ruleId, [diagnostic]));
      }
      if (!seen.has(`all:${ruleId}`) && fixable.filter((f) => f.ruleId === ruleId).length > 1) {
        seen.add(`all:${ruleId}`);
        fixAlls.push(fixAllAction(state, `Fix all \`${ruleId}\` problems in this file`, CodeActionKind.QuickFix, { uri, version, ruleId }, [diagnostic]));
      }
    }
    if (fixes.length + suppressions.length > 0 && new Set(fixable.map((f) => f.ruleId)).size > 1) {
      fixAlls.push(fixAllAction(state, 'Apply all hardening fixes in this file', CodeActionKind.QuickFix, { uri, version }, []));
    }
    return [...actions, ...fixes, ...suppressions, ...docs, ...fixAlls];
  }));

  connection.onCodeActionResolve(guard('codeAction/resolve', null as unknown as CodeAction, (action) => {
    const data = action.data as FixAllData | undefined;
    const state = data ? currentFindings(data.uri) : undefined;
    if (!data || !state || state.document.version !== data.version) return action;
    action.edit = toWorkspaceEdit(state.document, fixAllEdits(state, data.ruleId, data.safety), editSupport);
    return action;
  }));

  connection.onExecuteCommand(guard('executeCommand', undefined, ({ command, arguments: args }) => {
    if (command !== SHOW_DOCUMENTATION || typeof args?.[0] !== 'string') return;
    if (canShowDocument) void connection.window.showDocument({ uri: args[0], external: true });
    else connection.console.log(`Documentation: ${args[0]}`);
  }));

  connection.listen();
}

process.on('uncaughtException', (e) => {
  process.stderr.write(`kube-hardening: uncaught exception: ${e.stack ?? e.message}\n`);
});
process.on('unhandledRejection', (e) => {
  process.stderr.write(`kube-hardening: unhandled rejection: ${String(e)}\n`);
});

startServer(createConnection(ProposedFeatures.all));
