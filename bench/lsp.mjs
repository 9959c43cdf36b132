// An LSP client for the benchmarks: spawns a server over stdio, initializes it, answers what it asks, and lets the
// benchmark wait on what it sends (a publish, the end of a scan, a settings pull), never on fixed sleeps.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repo, 'package.json'));
export const rpc = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

/** Our built server (see `useServerCopy`), and yaml-language-server (the devDependency the comparison runs against). */
export let OUR_SERVER = [join(repo, 'server', 'dist', 'server.js'), '--stdio'];
export const YAML_LS = [join(repo, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'];
export const hasYamlLanguageServer = () => existsSync(YAML_LS[0]);

/**
 * Runs a copy of server/dist (the bundles are self-contained; the scan worker sits beside server.js) taken now, so a
 * rebuild during a long run does not change the server between repeats. Returns the copy's folder (to remove) and
 * when the copied build was made.
 */
export function useServerCopy() {
  const dist = join(repo, 'server', 'dist');
  const copy = mkdtempSync(join(tmpdir(), 'kh-bench-server-'));
  cpSync(dist, copy, { recursive: true });
  OUR_SERVER = [join(copy, 'server.js'), '--stdio'];
  return { folder: copy, builtAt: statSync(join(dist, 'server.js')).mtime };
}

/** Preloaded into a server whose resident set is measured: a full GC on SIGUSR2, acknowledged on fd 3. */
const GC_HOOK = join(repo, 'bench', 'gc-hook.cjs');

/** A guard against a server that stopped answering: the benchmark fails instead of hanging. */
const STUCK_MS = 180_000;

const CAPABILITIES = {
  workspace: { configuration: true, workspaceFolders: true },
  window: { workDoneProgress: true },
  textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: false } },
};

class Server {
  constructor(child, conn) {
    this.child = child;
    this.conn = conn;
    this.listeners = new Set();
    this.errors = [];
    this.scanning = false;
    this.scansEnded = 0;
    this.scanStates = 0; // scan state notifications so far: a change tells that a scan started or ended meanwhile
    this.pulls = new Map(); // configuration section → times the server asked for it
    this.exited = new Promise((resolve) => child.once('exit', resolve));
  }

  /** Calls every listener with an event: { kind: 'publish' | 'progress' | 'scanState' | 'pull', params, at }. */
  emit(kind, params) {
    const event = { kind, params, at: performance.now() };
    for (const l of [...this.listeners]) l(event);
  }

  /** Resolves with the first event (from now on) that `accept` takes; rejects when none comes in STUCK_MS. */
  next(what, accept) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`bench: no ${what} within ${STUCK_MS / 1000} s`));
      }, STUCK_MS);
      const listener = (event) => {
        if (!accept(event)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(event);
      };
      this.listeners.add(listener);
    });
  }

  /** Resolves when `check()` holds, re-checked on every event. */
  async until(what, check) {
    if (!check()) await this.next(what, () => check());
  }

  /** The next publish for `uri` that `accept(params)` takes (by default, any). */
  publish(uri, accept = () => true) {
    return this.next(`publishDiagnostics for ${uri}`, (e) => e.kind === 'publish' && e.params.uri === uri && accept(e.params));
  }

  /** Calls `fn(event)` for every publish until the returned function is called. */
  onPublish(fn) {
    const listener = (e) => e.kind === 'publish' && fn(e);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * One round trip of a request the server does not know: its MethodNotFound answer costs the JSON-RPC framing
   * both ways and nothing else. Also a barrier: the server has handled everything sent before it.
   */
  async roundTrip() {
    const t0 = performance.now();
    await this.conn.sendRequest('kube-hardening-bench/noop', {}).catch(() => undefined);
    return performance.now() - t0;
  }

  /** A field of /proc/<pid>/status (VmRSS: resident now; VmHWM: the peak so far), in MB. */
  rssMb(field = 'VmRSS') {
    try {
      const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : NaN;
    } catch {
      return NaN;
    }
  }

  /**
   * A full garbage collection in the server (only when started with `gcHook`); resolves once it is done, with the
   * server's process.memoryUsage() right after it (undefined without the hook).
   */
  collectGarbage() {
    const ack = this.child.stdio[3];
    if (!ack) return Promise.resolve(undefined);
    const done = new Promise((resolve) => ack.once('data', (line) => resolve(JSON.parse(String(line)))));
    this.child.kill('SIGUSR2');
    return done;
  }

  async open(uri, text, version = 1) {
    await this.conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
    return new OpenFile(this, TextDocument.create(uri, 'yaml', version, text));
  }

  async shutdown() {
    try {
      await Promise.race([this.conn.sendRequest(rpc.ShutdownRequest.type), this.exited]);
      await this.conn.sendNotification(rpc.ExitNotification.type);
    } catch {
      // Already gone: nothing to shut down.
    }
    const timer = setTimeout(() => this.child.kill(), 10_000); // a server that ignores `exit` is stopped anyway
    await this.exited;
    clearTimeout(timer);
    this.conn.dispose();
  }
}

/** A document open in a server: the client's copy of its text, edited as keystrokes are sent. */
class OpenFile {
  constructor(server, doc) {
    this.server = server;
    this.doc = doc;
  }

  get uri() {
    return this.doc.uri;
  }

  get text() {
    return this.doc.getText();
  }

  /** Sends one insertion `{ offset, text }` as an incremental didChange; resolves with the new version and send time. */
  async type(edit) {
    const at = this.doc.positionAt(edit.offset);
    const change = { range: { start: at, end: at }, text: edit.text };
    const version = this.doc.version + 1;
    this.doc = TextDocument.update(this.doc, [change], version);
    const sentAt = performance.now();
    await this.server.conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri: this.uri, version }, contentChanges: [change] });
    return { version, sentAt };
  }

  async close() {
    await this.server.conn.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri: this.uri } });
  }
}

/**
 * Spawns `node [nodeArgs] <args>` and initializes it; `spawnToInit` is the time from the spawn to the initialize
 * response. `configuration(item)` answers each workspace/configuration item; `folder` (a file URI) is the workspace
 * folder, none for no workspace; `gcHook` preloads the GC hook (for resident-set measurements).
 */
export async function startServer(args, { configuration = () => null, folder, gcHook = false } = {}) {
  const nodeArgs = gcHook ? ['--expose-gc', '--require', GC_HOOK] : [];
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, ...args], { stdio: ['pipe', 'pipe', 'inherit', ...(gcHook ? ['pipe'] : [])] });
  const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const server = new Server(child, conn);
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => server.emit('publish', p));
  conn.onNotification('$/progress', (p) => {
    if (p.value?.kind === 'end') server.scansEnded++;
    server.emit('progress', p);
  });
  conn.onNotification('kube-hardening/scanState', (p) => {
    server.scanning = !!p.scanning;
    server.scanStates++;
    server.emit('scanState', p);
  });
  conn.onNotification('window/logMessage', (p) => {
    if (p.type === 1) server.errors.push(p.message);
  });
  conn.onNotification(() => undefined); // telemetry and other servers' own notifications
  conn.onRequest(rpc.ConfigurationRequest.type, (p) => {
    const answer = p.items.map((item) => configuration(item));
    for (const item of p.items) server.pulls.set(item.section, (server.pulls.get(item.section) ?? 0) + 1);
    // After the answer is on its way: a benchmark waiting for a pull proceeds once the server has its settings.
    setImmediate(() => server.emit('pull', p));
    return answer;
  });
  conn.onRequest(rpc.RegistrationRequest.type, () => undefined);
  conn.onRequest(rpc.UnregistrationRequest.type, () => undefined);
  conn.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => undefined);
  conn.onRequest(() => null); // any other request from the server (code lens refresh, show message)
  conn.listen();
  const workspace = folder ? { rootUri: folder, workspaceFolders: [{ uri: folder, name: 'bench' }] } : { rootUri: null, workspaceFolders: null };
  await conn.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, ...workspace, capabilities: CAPABILITIES });
  server.spawnToInit = performance.now() - t0;
  return server;
}

export async function initialized(server) {
  await server.conn.sendNotification(rpc.InitializedNotification.type, {});
}
