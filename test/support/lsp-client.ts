// A real LSP client over stdio for tests: spawns the built server, speaks JSON-RPC, records every
// publishDiagnostics, and lets a test wait for the notification it expects (never a fixed sleep).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  ConfigurationRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification, ExitNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification,
  DidChangeWatchedFilesNotification, RegistrationRequest, ShowDocumentRequest, ShutdownRequest, WorkDoneProgressCreateRequest, type ClientCapabilities, type InitializeResult, type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

export const REPO = join(__dirname, '..', '..', '..');
export const SERVER = join(REPO, 'server', 'dist', 'server.js');

export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
}

export interface TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly initializeResult: InitializeResult;
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[];
  /** Settings returned for workspace/configuration requests (section kubeHardening). */
  settings: unknown;
  /** What the client answers for `files.exclude`. */
  filesExclude: unknown;
  /** Server log lines (window/logMessage). */
  readonly log: string[];
  /** URIs the server asked the client to show (window/showDocument). */
  readonly shown: string[];
  /** Work-done progress values received ($/progress), in order. */
  readonly progress: { kind: string; message?: string; percentage?: number; cancellable?: boolean }[];
  /** Resolves when a work-done progress ends ($/progress with kind `end`). */
  waitForProgressEnd(timeoutMs?: number): Promise<void>;
  /** Sends workspace/didChangeWatchedFiles, as a client's file watcher would. */
  filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): void;
  /** Resolves with the first publish for `uri` (after those already seen) that satisfies `predicate`. */
  waitForDiagnostics(uri: string, predicate?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, version?: number): void;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  close(uri: string): void;
  configurationChanged(): void;
  stop(): Promise<void>;
}

/** `workspaceFolder`: a folder the server scans (none by default: only open files). */
export async function startClient(options: { capabilities?: ClientCapabilities; settings?: unknown; workspaceFolder?: string } = {}): Promise<TestClient> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const log: string[] = [];
  const shown: string[] = [];
  const progress: { kind: string; message?: string; percentage?: number; cancellable?: boolean }[] = [];
  const waiters: { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const client = {
    connection,
    process: child,
    published,
    settings: options.settings ?? {},
    filesExclude: {},
    log,
    shown,
    progress,
  } as unknown as TestClient & { settings: unknown; initializeResult: InitializeResult };

  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.predicate(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    log.push(p.message);
  });
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((i) => (i.section === 'kubeHardening' ? client.settings : i.section === 'files.exclude' ? client.filesExclude : null)));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  const progressEnded: (() => void)[] = [];
  connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
    progress.push(p.value);
    if (p.value.kind === 'end') for (const done of progressEnded.splice(0)) done();
  });
  connection.onRequest(ShowDocumentRequest.type, (p) => {
    shown.push(p.uri);
    return { success: true };
  });
  connection.listen();

  const capabilities: ClientCapabilities = options.capabilities ?? {
    workspace: { configuration: true, workspaceEdit: { documentChanges: true, snippetEditSupport: true }, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
    window: { showDocument: { support: true }, workDoneProgress: true },
    textDocument: {
      publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true,
        dataSupport: true, resolveSupport: { properties: ['edit'] },
      },
    },
  };
  client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: options.workspaceFolder ? fileUri(options.workspaceFolder) : null,
    capabilities,
    workspaceFolders: options.workspaceFolder ? [{ uri: fileUri(options.workspaceFolder), name: 'ws' }] : null,
  });
  await connection.sendNotification(InitializedNotification.type, {});

  client.waitForDiagnostics = (uri, predicate = () => true, timeoutMs = 10000) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching publishDiagnostics for ${uri} within ${timeoutMs} ms; stderr: ${stderr.join('')}`)), timeoutMs);
    waiters.push({ uri, predicate, resolve: (p) => { clearTimeout(timer); resolve(p); } });
  });
  client.open = (uri, text, version = 1) => {
    void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
  };
  client.change = (uri, version, changes) => {
    void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  };
  client.close = (uri) => {
    void connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  };
  client.waitForProgressEnd = (timeoutMs = 20000) => new Promise((resolve, reject) => {
    if (progress.some((p) => p.kind === 'end')) return resolve();
    const timer = setTimeout(() => reject(new Error(`no progress end within ${timeoutMs} ms`)), timeoutMs);
    progressEnded.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
  client.filesChanged = (changes) => {
    void connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  };
  client.configurationChanged = () => {
    void connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { kubeHardening: client.settings } });
  };
  client.stop = async () => {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
    connection.dispose();
  };
  return client;
}
