// The product executes nothing from the workspace and reaches nothing outside it: the built server (over stdio:
// open, hover, code actions, fix-all, workspace scans, watcher events) and the built CLI run with
// test/robustness/no-escape.cjs preloaded, which makes every network, child-process, code-from-strings, worker and
// native-addon entry point throw and log, and logs every path read. Nothing may be attempted, nothing read outside
// the workspace folder (and the product's own bundle), whatever the workspace's configuration names.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest, CodeActionResolveRequest, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
  ExecuteCommandRequest, HoverRequest, type CodeAction,
} from 'vscode-languageserver-protocol';
import { SERVER_ANSWER_MS, SERVER_PUBLISH_MS } from './bounds.js';
import { fileUri, startRawClient } from './lsp.js';
import { REPO, within } from './support.js';

const PRELOAD = join(REPO, 'test', 'robustness', 'no-escape.cjs');
const NODE_ARGS = ['--disallow-code-generation-from-strings', '--require', PRELOAD];
const CLI = join(REPO, 'server', 'dist', 'cli.js');
const BUNDLES = ['server/dist/server.js', 'server/dist/scan-worker.js', 'server/dist/cli.js', 'client/dist/extension.js'];

interface Event {
  readonly pid: number; readonly attempt?: string; readonly stack?: string; readonly read?: string; readonly path?: string; readonly loaded?: boolean;
  readonly thread?: number; readonly worker?: string;
}
const events = (log: string): Event[] => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Event) : []);

/** A file that, if anything ever ran it, would leave a marker file next to it. */
const canary = (marker: string) => `require('fs').writeFileSync(${JSON.stringify(marker)}, 'executed');\n`;

const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  hostPID: true\n  containers:\n  - name: c\n    image: nginx:1.27\n`;

/** A workspace that tries every trick: canaries to execute, configuration naming paths outside, links out of it. */
function hostileWorkspace(): { root: string; ws: string; outside: string; markers: string[] } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'kh-security-')));
  const ws = join(root, 'ws');
  const outside = join(root, 'outside');
  mkdirSync(join(ws, 'apps'), { recursive: true });
  mkdirSync(join(ws, 'node_modules', 'evil'), { recursive: true });
  mkdirSync(outside);
  const markers: string[] = [];
  const plant = (path: string) => {
    const marker = `${path}.executed`;
    markers.push(marker);
    writeFileSync(path, canary(marker));
  };
  for (const p of ['evil.js', 'evil.cjs', 'evil.mjs', '.kube-hardening.js', 'kube-hardening.config.js', 'node_modules/evil/index.js', 'apps/plugin.js']) plant(join(ws, p));
  writeFileSync(join(ws, 'package.json'), JSON.stringify({ name: 'evil', main: 'evil.js', scripts: { postinstall: 'node evil.js', test: 'node evil.js' } }));
  writeFileSync(join(ws, 'apps', 'web.yaml'), POD('web'));
  // Enough files for the scan to run in its worker threads (POOL_MIN_FILES in server/src/server.ts).
  mkdirSync(join(ws, 'apps', 'many'));
  for (let i = 0; i < 24; i++) writeFileSync(join(ws, 'apps', 'many', `pod-${i}.yaml`), POD(`many-${i}`));
  // YAML tags that other loaders execute (js-yaml's unsafe schema): plain data here.
  writeFileSync(join(ws, 'apps', 'tags.yaml'), `${POD('tags')}    args: [!!js/function "function () { require('child_process').execSync('touch ${join(ws, 'tag.executed')}') }", !!js/regexp /x/, !<tag:yaml.org,2002:js/undefined> ""]\n`);
  markers.push(join(ws, 'tag.executed'));
  // The project configuration: exclusions naming paths outside, and keys that would load code if they meant anything.
  writeFileSync(join(ws, '.kube-hardening.yaml'), 'rules:\n  image-tag-pinned: "off"\nexclude:\n  - "../../etc/**"\n  - "/etc/**"\n  - "../outside/**"\n  - "/**/passwd"\n');
  writeFileSync(join(ws, 'kustomization.yaml'), 'resources: [apps/web.yaml]\npatches:\n  - path: ../outside/secret.yaml\n  - path: /etc/passwd\npatchesStrategicMerge:\n  - ../../../../etc/shadow\n');
  // Outside the folder: a manifest that must never be read, reached by links and by `..`.
  writeFileSync(join(outside, 'secret.yaml'), POD('outside-secret'));
  plant(join(outside, 'outside.js'));
  symlinkSync(join(outside, 'secret.yaml'), join(ws, 'apps', 'link.yaml'));
  symlinkSync(outside, join(ws, 'linkdir'));
  return { root, ws, outside, markers };
}

/** Operations that read a file's or a folder's content (the others only look at a name: stat, realpath, access). */
const CONTENT = /\.(readFile|readFileSync|open|openSync|createReadStream|readdir|readdirSync|opendir|opendirSync)$/;

/**
 * Reads outside the folder: a path named outside the folder (`..` resolved), or content read through a link whose
 * target is outside; the product's own bundle excepted.
 */
function readsOutside(all: Event[], ws: string): string[] {
  const own = [join(REPO, 'server', 'dist'), join(REPO, 'client', 'dist'), join(REPO, 'test', 'robustness')];
  const inside = (p: string) => p === ws || p.startsWith(`${ws}${sep}`) || own.some((d) => p.startsWith(`${d}${sep}`));
  const out = new Set<string>();
  for (const e of all) {
    if (!e.read || !e.path || !e.path.startsWith('/')) continue;
    const named = resolve(e.path);
    let real = named;
    try {
      real = realpathSync(named);
    } catch {
      // does not exist: judged by its name
    }
    if (!inside(named) || (CONTENT.test(e.read) && !inside(real))) out.add(`${e.read} ${e.path}${real !== e.path ? ` → ${real}` : ''}`);
  }
  return [...out];
}

describe('security: nothing executed, nothing outside the workspace', () => {
  let root: string;
  let ws: string;
  let outside: string;
  let markers: string[];
  before(() => {
    ({ root, ws, outside, markers } = hostileWorkspace());
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('the server: scan, open, hover, code actions, fix-all, rescan, watcher events; nothing attempted, nothing read outside', async () => {
    const log = join(root, 'server-events.log');
    const client = await startRawClient({
      nodeArgs: NODE_ARGS, env: { KH_NO_ESCAPE_LOG: log }, workspaceFolder: ws,
      // Workspace settings naming paths outside, too.
      configuration: (p) => p.items.map((i) => (i.section === 'kubeHardening' ? { exclude: ['../../etc/**', '/etc/**', `${outside}/**`] } : i.section === 'files.exclude' ? { '../**': true } : null)),
    });
    try {
      const web = fileUri(join(ws, 'apps', 'web.yaml'));
      await client.diagnostics(web, (p) => p.diagnostics.some((d) => d.code === 'no-host-pid'), SERVER_PUBLISH_MS);
      await client.waitFor('the scan to end', () => client.progress.find((p) => p.kind === 'end'), SERVER_PUBLISH_MS);
      // Open, hover, code actions (quick fixes, suppressions, fix-all) and resolve.
      const text = readFileSync(join(ws, 'apps', 'web.yaml'), 'utf8');
      void client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: web, languageId: 'yaml', version: 1, text } });
      const opened = await client.diagnostics(web, (p) => p.version === 1, SERVER_PUBLISH_MS);
      const hostPid = opened.diagnostics.find((d) => d.code === 'no-host-pid')!;
      await within(SERVER_ANSWER_MS, 'hover', client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: web }, position: hostPid.range.start }));
      const actions = (await within(SERVER_ANSWER_MS, 'code actions', client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: web }, range: hostPid.range, context: { diagnostics: opened.diagnostics },
      }))) as CodeAction[];
      assert.ok(actions.length > 0);
      for (const a of actions.filter((x) => x.data)) await within(SERVER_ANSWER_MS, 'resolve', client.connection.sendRequest(CodeActionResolveRequest.type, a));
      const show = actions.find((a) => a.command?.command === 'kube-hardening.showDocumentation');
      if (show?.command) await within(SERVER_ANSWER_MS, 'show documentation', client.connection.sendRequest(ExecuteCommandRequest.type, { command: show.command.command, arguments: show.command.arguments ?? [] }));
      // Open the configuration and the kustomization too: the server reads them from the buffer.
      for (const name of ['.kube-hardening.yaml', 'kustomization.yaml']) {
        const uri = fileUri(join(ws, name));
        void client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(join(ws, name), 'utf8') } });
        void client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      }
      // Watcher events that name paths out of the folder: through `..`, through a link to a file, through a linked folder.
      const scans = client.progress.filter((p) => p.kind === 'end').length;
      void client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [
          { uri: `${fileUri(ws)}/../outside/secret.yaml`, type: 1 },
          { uri: fileUri(join(ws, 'apps', 'link.yaml')), type: 2 },
          { uri: fileUri(join(ws, 'linkdir', 'secret.yaml')), type: 1 },
          { uri: fileUri(join(ws, 'evil.js')), type: 2 },
          { uri: fileUri(join(ws, 'kustomization.yaml')), type: 2 },
        ],
      });
      // Close falls back to the file on disk; a rescan reads everything again.
      void client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: web } });
      await within(SERVER_ANSWER_MS, 'rescan', client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'kube-hardening.rescan', arguments: [] }));
      await client.waitFor('the rescan to end', () => client.progress.filter((p) => p.kind === 'end').length > scans || undefined, SERVER_PUBLISH_MS);
      await within(SERVER_ANSWER_MS, 'a last request', client.connection.sendRequest('kube-hardening/ruleCatalog'));
    } finally {
      assert.equal(await client.stop(), 0, 'the server exits cleanly');
    }
    const all = events(log);
    assert.ok(all.some((e) => e.loaded), 'the preload ran in the server');
    assert.ok(all.some((e) => e.worker), 'the scan ran in its worker threads');
    assert.ok(all.some((e) => e.loaded && e.thread !== undefined && e.thread > 0), 'the preload ran in the scan workers too');
    assert.deepEqual(all.filter((e) => e.attempt).map((e) => `${e.attempt}\n${e.stack}`), [], 'nothing attempted');
    assert.deepEqual(markers.filter((m) => existsSync(m)), [], 'nothing from the workspace executed');
    assert.deepEqual(readsOutside(all, ws), [], 'nothing read outside the workspace folder');
    const published = new Set(client.published.map((p) => p.uri));
    for (const p of [`${fileUri(ws)}/../outside/secret.yaml`, fileUri(join(outside, 'secret.yaml')), fileUri(join(ws, 'apps', 'link.yaml')), fileUri(join(ws, 'linkdir', 'secret.yaml'))]) {
      assert.ok(!client.published.some((x) => x.uri === p && x.diagnostics.length > 0), `no findings published for ${p}`);
    }
    assert.ok(published.has(fileUri(join(ws, 'apps', 'tags.yaml'))), 'the file with js tags is checked as plain data');
  });

  it('the CLI: check and --fix-review the workspace; nothing attempted, nothing read outside but its own configuration lookup', () => {
    const log = join(root, 'cli-events.log');
    const r = spawnSync(process.execPath, [...NODE_ARGS, CLI, '--fix-review', '--format', 'sarif', '.'], { cwd: ws, encoding: 'utf8', env: { ...process.env, KH_NO_ESCAPE_LOG: log }, timeout: 60_000 });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    const all = events(log);
    assert.ok(all.some((e) => e.loaded), 'the preload ran in the CLI');
    assert.deepEqual(all.filter((e) => e.attempt).map((e) => `${e.attempt}\n${e.stack}`), [], 'nothing attempted');
    assert.deepEqual(markers.filter((m) => existsSync(m)), [], 'nothing from the workspace executed');
    assert.deepEqual(readsOutside(all, ws), [], 'nothing read outside the workspace folder (its .kube-hardening.yaml is found at its root)');
    assert.doesNotMatch(r.stdout, /outside-secret/, 'the manifest outside (reached by links) is not checked');
  });

  it('a configuration file with keys that would load code is a configuration error, and nothing is loaded', () => {
    const dir = join(root, 'config-keys');
    mkdirSync(dir);
    const marker = join(dir, 'plugin.js.executed');
    writeFileSync(join(dir, 'plugin.js'), canary(marker));
    writeFileSync(join(dir, 'pod.yaml'), POD('p'));
    writeFileSync(join(dir, '.kube-hardening.yaml'), 'require: ./plugin.js\nplugins: [./plugin.js]\nextends: ../../etc/kube-hardening.yaml\nrules:\n  ./plugin.js: error\n');
    const log = join(root, 'config-events.log');
    const r = spawnSync(process.execPath, [...NODE_ARGS, CLI, '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, KH_NO_ESCAPE_LOG: log }, timeout: 60_000 });
    assert.equal(r.status, 2, 'an invalid configuration is a configuration error');
    for (const key of ['require', 'plugins', 'extends']) assert.match(r.stderr, new RegExp(`unknown key \`${key}\``));
    assert.match(r.stderr, /unknown rule id `\.\/plugin\.js`/);
    assert.equal(existsSync(marker), false);
    assert.deepEqual(events(log).filter((e) => e.attempt), []);
    assert.deepEqual(readsOutside(events(log), dir), []);
  });
});

describe('the bundles: every use of child_process, eval and new Function is explained', () => {
  /** Each use, by the module esbuild says it comes from, and why it is not the product running anything. */
  const EXPLAINED: Record<string, string> = {
    'server/dist/server.js child_process @ node_modules/vscode-languageserver/lib/node/files.js':
      'Files.resolveGlobalNodePath/resolveGlobalYarnPath (asking npm or yarn for their global folder): library helpers the server never calls.',
    'client/dist/extension.js child_process @ node_modules/vscode-languageclient/lib/node/main.js':
      'the client starts the language server as a Node process (its job, not the server\'s); the command is the extension\'s own server.js.',
    'client/dist/extension.js child_process @ node_modules/vscode-languageclient/lib/node/processes.js':
      'terminating the server process on Windows (taskkill) when the client stops it.',
  };

  it('the bundles hold no other use; no eval( or new Function at all', () => {
    const found: string[] = [];
    for (const bundle of BUNDLES) {
      let module = '(bundle)';
      for (const line of readFileSync(join(REPO, bundle), 'utf8').split('\n')) {
        const m = /^\/\/ (\S+\.(?:js|ts|mjs|cjs))$/.exec(line);
        if (m) module = m[1]!;
        for (const [name, re] of [['child_process', /child_process/], ['eval(', /(^|[^.\w])eval\(/], ['new Function', /new Function\b/]] as const) {
          if (re.test(line)) found.push(`${bundle} ${name} @ ${module}`);
        }
      }
    }
    assert.deepEqual([...new Set(found)].sort(), Object.keys(EXPLAINED).sort());
  });

  it('the language server bundle reaches the network only through vscode-jsonrpc\'s socket and pipe transports, which --stdio never uses', () => {
    const text = readFileSync(join(REPO, 'server', 'dist', 'server.js'), 'utf8');
    const modules: string[] = [];
    let module = '(bundle)';
    for (const line of text.split('\n')) {
      const m = /^\/\/ (\S+\.(?:js|ts|mjs|cjs))$/.exec(line);
      if (m) module = m[1]!;
      if (/require\("(node:)?(net|tls|http|https|http2|dgram|dns)"\)/.test(line)) modules.push(module);
    }
    assert.deepEqual([...new Set(modules)], ['node_modules/vscode-jsonrpc/lib/node/main.js']);
  });
});
