// The workspace over LSP: the scan publishes diagnostics for files nobody opened, skips what users expect
// skipped, follows files created, changed and deleted on disk, and a NetworkPolicy edit in one file re-judges
// the workloads of other files.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { fileUri, REPO, startClient, type TestClient } from '../support/lsp-client.js';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));

describe('workspace', () => {
  let ws: string;
  let client: TestClient;
  const uri = (name: string) => fileUri(join(ws, name));

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'kh-ws-'));
    cpSync(join(REPO, 'examples'), ws, { recursive: true });
    // What users expect skipped: CI workflows and values files (not Kubernetes), node_modules, excluded paths, big files.
    mkdirSync(join(ws, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(ws, '.github', 'workflows', 'ci.yaml'), 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n');
    writeFileSync(join(ws, 'values.yaml'), 'replicaCount: 1\nimage:\n  repository: nginx\n');
    mkdirSync(join(ws, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(ws, 'node_modules', 'pkg', 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nspec:\n  hostPID: true\n  containers: []\n');
    mkdirSync(join(ws, 'generated'));
    writeFileSync(join(ws, 'generated', 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nspec:\n  hostPID: true\n  containers: []\n');
    mkdirSync(join(ws, 'vendor'));
    writeFileSync(join(ws, 'vendor', 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nspec:\n  hostIPC: true\n  containers: []\n');
    writeFileSync(join(ws, 'big.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: "${'x'.repeat(300 * 1024)}"\n`);
  });
  after(async () => {
    await client?.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('publishes diagnostics for files never opened, with progress, skipping what should be skipped', async () => {
    client = await startClient({ workspaceFolder: ws, settings: { exclude: ['generated/**'], maxFileSize: 0.25 } });
    client.filesExclude = { '**/vendor': true };
    // The scan starts after `initialized`; wait for the files it must publish.
    const web = client.waitForDiagnostics(uri('deployment-web.yaml'), (p) => p.diagnostics.length > 0);
    const cron = client.waitForDiagnostics(uri('cronjob-backup.yaml'), (p) => p.diagnostics.length > 0);
    const big = client.waitForDiagnostics(uri('big.yaml'));
    const webDiagnostics = await web;
    assert.ok(codes(webDiagnostics).includes('run-as-non-root'));
    assert.equal(webDiagnostics.version, undefined, 'a file on disk has no version');
    // Cross-file: the shop namespace's default deny (in shop-namespace.yaml) isolates deployment-web's pods.
    assert.ok(!codes(webDiagnostics).includes('pod-network-isolated'), codes(webDiagnostics).join(', '));
    assert.equal(webDiagnostics.diagnostics.find((d) => d.code === 'resource-limits')!.severity, 3, 'the LimitRange in another file lowers it');
    // No such policies for `ops`.
    assert.ok(codes(await cron).includes('pod-network-isolated'));
    const skipped = await big;
    assert.equal(skipped.diagnostics.length, 1);
    assert.match(String(skipped.diagnostics[0]!.message), /above kubeHardening\.maxFileSize \(0\.25 MB\)/);
    // Wait for the scan to end, then check nothing was published for what must be skipped.
    await client.waitForProgressEnd();
    const published = new Set(client.published.map((p) => p.uri));
    for (const name of ['.github/workflows/ci.yaml', 'values.yaml', 'node_modules/pkg/pod.yaml', 'generated/pod.yaml', 'vendor/pod.yaml']) {
      assert.ok(!published.has(uri(name)), `${name} is skipped`);
    }
    const kinds = client.progress.map((p) => p.kind);
    assert.equal(kinds[0], 'begin');
    assert.ok(kinds.includes('report'));
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.equal(client.progress[0]!.cancellable, true);
    assert.ok(client.progress.some((p) => /scanning \d+\/\d+ files/.test(p.message ?? '')));
  });

  it('a NetworkPolicy edit in one file re-judges the workloads of another, unopened file', async () => {
    const ns = uri('shop-namespace.yaml');
    const text = readFileSync(join(ws, 'shop-namespace.yaml'), 'utf8');
    const opened = client.waitForDiagnostics(ns, (p) => p.version === 1);
    client.open(ns, text, 1);
    await opened;
    // Delete the default-deny policy document while typing in shop-namespace.yaml.
    const doc = TextDocument.create(ns, 'yaml', 1, text);
    const start = text.indexOf('---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-all');
    const end = text.indexOf('---', start + 3);
    const judged = client.waitForDiagnostics(uri('deployment-web.yaml'), (p) => codes(p).includes('pod-network-isolated'));
    client.change(ns, 2, [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: '' }]);
    const web = await judged;
    const isolated = web.diagnostics.find((d) => d.code === 'pod-network-isolated')!;
    assert.equal(isolated.severity, 2);
    assert.match(String(isolated.message), /for ingress/);
    // Put it back: the other file's finding goes away again.
    const back = client.waitForDiagnostics(uri('deployment-web.yaml'), (p) => !codes(p).includes('pod-network-isolated'));
    client.change(ns, 3, [{ range: { start: doc.positionAt(start), end: doc.positionAt(start) }, text: text.slice(start, end) }]);
    await back;
    // Closing falls back to the file on disk.
    const fromDisk = client.waitForDiagnostics(ns, (p) => p.version === undefined);
    client.close(ns);
    await fromDisk;
  });

  it('follows files created, changed and deleted on disk', async () => {
    const path = join(ws, 'new-pod.yaml');
    writeFileSync(path, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: shop\nspec:\n  hostPID: true\n  containers: []\n');
    const created = client.waitForDiagnostics(uri('new-pod.yaml'), (p) => codes(p).includes('no-host-pid'));
    client.filesChanged([{ uri: uri('new-pod.yaml'), type: 1 }]);
    await created;
    writeFileSync(path, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: shop\nspec:\n  hostIPC: true\n  containers: []\n');
    const changed = client.waitForDiagnostics(uri('new-pod.yaml'), (p) => codes(p).includes('no-host-ipc') && !codes(p).includes('no-host-pid'));
    client.filesChanged([{ uri: uri('new-pod.yaml'), type: 2 }]);
    await changed;
    unlinkSync(path);
    const deleted = client.waitForDiagnostics(uri('new-pod.yaml'), (p) => p.diagnostics.length === 0);
    client.filesChanged([{ uri: uri('new-pod.yaml'), type: 3 }]);
    await deleted;
    // Deleting the namespace's policies file re-judges the workloads that depended on it.
    unlinkSync(join(ws, 'shop-namespace.yaml'));
    const rejudged = client.waitForDiagnostics(uri('deployment-web.yaml'), (p) => codes(p).includes('pod-network-isolated'));
    client.filesChanged([{ uri: uri('shop-namespace.yaml'), type: 3 }]);
    const web = await rejudged;
    assert.equal(web.diagnostics.find((d) => d.code === 'pod-network-isolated')!.severity, 3, 'no policy left in the workspace: information');
  });

  it('the cross-document fix appends a default-deny NetworkPolicy to the Namespace’s file, and the finding goes', async () => {
    writeFileSync(join(ws, 'team-ns.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n');
    const app = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  namespace: team\nspec:\n  template:\n    metadata:\n      labels: {app: app}\n    spec:\n      containers:\n        - name: app\n          image: app:1\n';
    writeFileSync(join(ws, 'team-app.yaml'), app);
    const nsIndexed = client.waitForDiagnostics(uri('team-ns.yaml'));
    client.filesChanged([{ uri: uri('team-ns.yaml'), type: 1 }, { uri: uri('team-app.yaml'), type: 1 }]);
    await nsIndexed;
    const opened = client.waitForDiagnostics(uri('team-app.yaml'), (p) => p.version === 1 && codes(p).includes('pod-network-isolated'));
    client.open(uri('team-app.yaml'), app, 1);
    const d = (await opened).diagnostics.find((x) => x.code === 'pod-network-isolated')!;
    const { CodeActionRequest } = await import('vscode-languageserver-protocol');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri('team-app.yaml') }, range: d.range, context: { diagnostics: [d] } })) as import('vscode-languageserver-protocol').CodeAction[];
    const add = actions.find((a) => a.title === 'Add a default-deny NetworkPolicy for namespace `team`')!;
    assert.ok(add, actions.map((a) => a.title).join(' | '));
    const change = add.edit!.documentChanges![0] as import('vscode-languageserver-protocol').TextDocumentEdit;
    assert.equal(change.textDocument.uri, uri('team-ns.yaml'), 'the policy goes to the Namespace’s file');
    const edit = change.edits[0] as import('vscode-languageserver-protocol').TextEdit;
    assert.deepEqual(edit.range.start, { line: 4, character: 0 });
    const nsText = readFileSync(join(ws, 'team-ns.yaml'), 'utf8') + edit.newText;
    assert.match(nsText, /---\napiVersion: networking.k8s.io\/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-all\n  namespace: team\nspec:\n  podSelector: \{\}\n  policyTypes:\n    - Ingress\n    - Egress\n$/);
    writeFileSync(join(ws, 'team-ns.yaml'), nsText);
    const isolated = client.waitForDiagnostics(uri('team-app.yaml'), (p) => !codes(p).includes('pod-network-isolated'));
    client.filesChanged([{ uri: uri('team-ns.yaml'), type: 2 }]);
    await isolated;
    client.close(uri('team-app.yaml'));
  });

  it('a file newly excluded by the settings leaves the Problems panel on the rescan', async () => {
    const cleared = client.waitForDiagnostics(uri('multi-document.yaml'), (p) => p.diagnostics.length === 0);
    client.settings = { exclude: ['generated/**', 'multi-document.yaml'], maxFileSize: 0.25 };
    client.configurationChanged();
    await cleared;
  });

  it('scans for a minimal client too (no folder change events, no progress, no watchers)', async () => {
    const minimal = await startClient({ workspaceFolder: ws, capabilities: { workspace: { configuration: true } } });
    try {
      const p = await minimal.waitForDiagnostics(uri('cronjob-backup.yaml'), (x) => x.diagnostics.length > 0);
      assert.ok(codes(p).includes('no-host-network'));
      assert.deepEqual(minimal.progress, []);
    } finally {
      await minimal.stop();
    }
  });
});
