// A bare LSP client for the robustness layer: unlike test/support/lsp-client.ts it lets a test choose node's
// arguments (a preload module), how workspace/configuration is answered (or never), and send malformed messages.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import {
  ConfigurationRequest, ExitNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, RegistrationRequest,
  ShutdownRequest, WorkDoneProgressCreateRequest, type ClientCapabilities, type ConfigurationParams, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { REPO } from './support.js';

export const SERVER = join(REPO, 'server', 'dist', 'server.js');
export const fileUri = (path: string) => pathToFileURL(path).toString();

export interface RawClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly published: PublishDiagnosticsParams[];
  readonly log: string[];
  readonly stderr: string[];
  readonly progress: { kind: string; message?: string }[];
  /** How many workspace/configuration requests arrived. */
  configurationRequests: number;
  waitFor<T>(what: string, check: () => T | undefined, timeoutMs: number): Promise<T>;
  /** The first publish for `uri` (among all received so far, or later) satisfying `predicate`. */
  diagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean, timeoutMs: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<number | null>;
}

export interface RawClientOptions {
  readonly nodeArgs?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly workspaceFolder?: string;
  /** Answers workspace/configuration; `never` leaves every request unanswered. */
  readonly configuration?: ((params: ConfigurationParams) => unknown[]) | 'never';
}

export const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
  window: { workDoneProgress: true },
  textDocument: {
    publishDiagnostics: { versionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, dataSupport: true, resolveSupport: { properties: ['edit'] } },
  },
};

export async function startRawClient(options: RawClientOptions = {}): Promise<RawClient> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  const stderr: string[] = [];
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const log: string[] = [];
  const progress: { kind: string; message?: string }[] = [];
  const checks = new Set<() => void>();
  const poke = () => {
    for (const c of [...checks]) c();
  };
  const client = { connection, process: child, published, log, stderr, progress, configurationRequests: 0 } as RawClient;
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    poke();
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    log.push(p.message);
    poke();
  });
  connection.onNotification('$/progress', (p: { value: { kind: string; message?: string } }) => {
    progress.push(p.value);
    poke();
  });
  connection.onNotification('kube-hardening/scanState', () => undefined);
  connection.onRequest(ConfigurationRequest.type, (params) => {
    client.configurationRequests++;
    poke();
    if (options.configuration === 'never') return new Promise<unknown[]>(() => undefined);
    return options.configuration ? options.configuration(params) : params.items.map(() => null);
  });
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  connection.listen();

  client.waitFor = (what, check, timeoutMs) => new Promise((resolve, reject) => {
    const attempt = () => {
      const v = check();
      if (v === undefined || v === false) return;
      checks.delete(attempt);
      clearTimeout(timer);
      resolve(v as never);
    };
    const timer = setTimeout(() => {
      checks.delete(attempt);
      reject(new Error(`${what}: not within ${timeoutMs} ms; stderr: ${stderr.join('').slice(0, 2000)}`));
    }, timeoutMs);
    checks.add(attempt);
    attempt();
  });
  client.diagnostics = (uri, predicate, timeoutMs) => client.waitFor(`publishDiagnostics for ${uri}`, () => published.find((p) => p.uri === uri && predicate(p)), timeoutMs);
  client.stop = async () => {
    if (child.exitCode === null) {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
    }
    connection.dispose();
    return child.exitCode;
  };

  const folder = options.workspaceFolder;
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: folder ? fileUri(folder) : null,
    capabilities: CAPABILITIES,
    workspaceFolders: folder ? [{ uri: fileUri(folder), name: 'ws' }] : null,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return client;
}
