// The built server over a real LSP connection (stdio): what an editor sees.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest, HoverRequest, type CodeAction, type Diagnostic, type MarkupContent, type TextDocumentEdit, type TextEdit,
} from 'vscode-languageserver-protocol';
import { fileUri, REPO, startClient, type TestClient } from '../support/lsp-client.js';

const EXAMPLES = join(REPO, 'examples');
const example = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
const codes = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`);

describe('language server over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient();
  });
  after(async () => {
    await client.stop();
  });

  it('advertises incremental sync, hover and quick fixes', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.codeActionProvider);
  });

  it('open → diagnostics → hover → quick fix → apply → that diagnostic is gone', async () => {
    const uri = fileUri(join(EXAMPLES, 'deployment-web.yaml'));
    const text = example('deployment-web.yaml');
    const published = client.waitForDiagnostics(uri, (p) => p.version === 1);
    client.open(uri, text, 1);
    const first = await published;
    const ids = new Set(first.diagnostics.map((d) => d.code));
    for (const id of ['run-as-non-root', 'no-privilege-escalation', 'read-only-root-filesystem', 'drop-all-capabilities', 'seccomp-profile', 'resource-limits', 'automount-service-account-token']) {
      assert.ok(ids.has(id), `expected ${id} in ${[...ids].join(', ')}`);
    }
    for (const d of first.diagnostics) {
      assert.equal(d.source, 'kube-hardening');
      assert.match(d.codeDescription!.href, new RegExp(`/docs/rules/${String(d.code)}\\.md$`));
    }
    const target = first.diagnostics.find((d) => d.code === 'no-privilege-escalation')!;
    assert.equal(text.split('\n')[target.range.start.line]!.slice(target.range.start.character, target.range.end.character), 'name');

    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: target.range.start });
    const markdown = (hover!.contents as MarkupContent).value;
    assert.match(markdown, /Containers must set allowPrivilegeEscalation: false/);
    assert.match(markdown, /Restricts escalation to root privileges\. Set to false\./);
    assert.match(markdown, /NSA\/CISA Kubernetes Hardening Guidance v1\.0, “Pod Security Policies”, p\. 11/);
    assert.match(markdown, /#page=18\)/);

    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: target.range, context: { diagnostics: [target] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), [
      'Set allowPrivilegeEscalation: false in container `web`',
      'Ignore `no-privilege-escalation` on this line',
      'Ignore `no-privilege-escalation` for this Deployment `storefront`',
      'Ignore `no-privilege-escalation` for container `web`',
      'Show documentation for `no-privilege-escalation`',
      'Apply all hardening fixes in this file',
    ]);
    assert.equal(actions[0]!.kind, 'quickfix');
    assert.equal(actions[0]!.isPreferred, true);
    const docEdit = actions[0]!.edit!.documentChanges![0] as TextDocumentEdit;
    const edits = docEdit.edits as TextEdit[];
    assert.equal(docEdit.textDocument.version, 1);
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits);
    assert.match(fixed, /resources:\n {12}requests:\n {14}cpu: 100m\n {14}memory: 128Mi\n {10}securityContext:\n {12}allowPrivilegeEscalation: false\n$/);

    const republished = client.waitForDiagnostics(uri, (p) => p.version === 2);
    client.change(uri, 2, edits.map((e) => ({ range: e.range, text: e.newText })));
    const second = await republished;
    assert.ok(!second.diagnostics.some((d) => d.code === 'no-privilege-escalation'), 'the fixed diagnostic is gone');
    assert.equal(second.diagnostics.length, first.diagnostics.length - 1, 'nothing else changed');
    client.close(uri);
  });

  it('an incremental edit sequence ends with the diagnostics of a fresh open of the final text', async () => {
    const uri = fileUri(join(EXAMPLES, 'incremental.yaml'));
    let doc = TextDocument.create(uri, 'yaml', 1, example('pod-with-sidecar.yaml'));
    const firstPublish = client.waitForDiagnostics(uri, (p) => p.version === 1);
    client.open(uri, doc.getText(), 1);
    await firstPublish;
    // Type `      allowPrivilegeEscalation: false` under the sidecar's securityContext, key by key.
    const insertAt = doc.getText().indexOf('      privileged: true');
    const typed = '      allowPrivilegeEscalation: false\n';
    let version = 1;
    for (let i = 0; i < typed.length; i++) {
      version++;
      const pos = doc.positionAt(insertAt + i);
      const change = { range: { start: pos, end: pos }, text: typed[i]! };
      doc = TextDocument.update(doc, [change], version);
      client.change(uri, version, [change]);
    }
    const final = await client.waitForDiagnostics(uri, (p) => p.version === version);
    for (const p of client.published.filter((x) => x.uri === uri)) assert.ok(p.version! <= version && p.version! >= 1);

    const freshUri = fileUri(join(EXAMPLES, 'incremental-fresh.yaml'));
    const fresh = client.waitForDiagnostics(freshUri);
    client.open(freshUri, doc.getText(), 1);
    assert.deepEqual(codes(final.diagnostics), codes((await fresh).diagnostics));
    assert.ok(!final.diagnostics.some((d) => d.code === 'no-privilege-escalation' && d.range.start.line === 31));
    client.close(uri);
    client.close(freshUri);
  });

  it('a multi-document file with one broken document keeps its siblings’ findings, and the broken one’s until it parses', async () => {
    const uri = fileUri(join(EXAMPLES, 'broken.yaml'));
    const text = example('multi-document.yaml');
    const opened = client.waitForDiagnostics(uri, (p) => p.version === 1);
    client.open(uri, text, 1);
    const before = await opened;
    assert.ok(before.diagnostics.some((d) => d.code === 'no-host-ipc'));
    assert.ok(before.diagnostics.some((d) => d.code === 'seccomp-profile' && String(d.message).includes('`migrate`')));

    // Break the DaemonSet's document (an unclosed flow map) in the middle of typing.
    const doc = TextDocument.create(uri, 'yaml', 1, text);
    const at = doc.positionAt(text.indexOf('hostIPC: true'));
    const broken = client.waitForDiagnostics(uri, (p) => p.version === 2);
    client.change(uri, 2, [{ range: { start: at, end: at }, text: 'x: {\n      ' }]);
    const during = await broken;
    assert.deepEqual(
      during.diagnostics.map((d) => d.code).sort(),
      before.diagnostics.map((d) => d.code).sort(),
      'every finding survives: siblings recomputed, the broken document’s carried over',
    );
    const ipc = during.diagnostics.find((d) => d.code === 'no-host-ipc')!;
    assert.equal(ipc.range.start.line, before.diagnostics.find((d) => d.code === 'no-host-ipc')!.range.start.line + 1, 'moved with the edit');

    // Repair it: the document parses again and is linted afresh.
    const repaired = client.waitForDiagnostics(uri, (p) => p.version === 3);
    client.change(uri, 3, [{ range: { start: at, end: { line: at.line + 1, character: 6 } }, text: '' }]);
    assert.deepEqual(codes((await repaired).diagnostics), codes(before.diagnostics));
    client.close(uri);
  });

  it('settings turn a rule off and change severities, without a restart', async () => {
    const uri = fileUri(join(EXAMPLES, 'settings.yaml'));
    const opened = client.waitForDiagnostics(uri);
    client.open(uri, example('cronjob-backup.yaml'), 1);
    assert.ok((await opened).diagnostics.some((d) => d.code === 'resource-limits'));
    client.settings = { rules: { 'resource-limits': 'off', 'seccomp-profile': 'error' } };
    const changed = client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'resource-limits'));
    client.configurationChanged();
    const after = await changed;
    assert.equal(after.diagnostics.find((d) => d.code === 'seccomp-profile')!.severity, 1);
    client.settings = { enable: false };
    const disabled = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    client.configurationChanged();
    await disabled;
    client.settings = { rules: 'not an object', enable: 'yes' };
    const defaults = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'resource-limits'));
    client.configurationChanged();
    await defaults;
    assert.ok(client.log.length > 0);
    client.settings = {};
    client.close(uri);
  });

  it('answers requests for unknown documents and survives changes to them', async () => {
    const uri = fileUri(join(EXAMPLES, 'never-opened.yaml'));
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    client.change(uri, 5, [{ text: 'kind: Pod' }]);
    client.close(uri);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
  });
});
