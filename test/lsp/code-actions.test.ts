// Every family of code actions over a real LSP connection: the rule's fix, suppressions (with a snippet for the
// reason), documentation, fix-all (resolved lazily), source.fixAll (safe fixes only), unused suppressions, and the
// hover on a rule id inside a directive.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest, CodeActionResolveRequest, ExecuteCommandRequest, HoverRequest,
  type CodeAction, type Diagnostic, type MarkupContent, type SnippetTextEdit, type TextDocumentEdit, type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, REPO, startClient, type TestClient } from '../support/lsp-client.js';

const EXAMPLES = join(REPO, 'examples');
const WEB = readFileSync(join(EXAMPLES, 'deployment-web.yaml'), 'utf8');

describe('code actions over LSP', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient();
  });
  after(async () => {
    await client.stop();
  });

  async function open(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = fileUri(join(EXAMPLES, name));
    const published = client.waitForDiagnostics(uri, (p) => p.version === 1);
    client.open(uri, text, 1);
    return { uri, diagnostics: (await published).diagnostics };
  }

  async function actionsFor(uri: string, d: Diagnostic | undefined, only?: string[]): Promise<CodeAction[]> {
    const range = d?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range, context: { diagnostics: d ? [d] : [], ...(only ? { only } : {}) },
    })) as CodeAction[];
  }

  function apply(text: string, action: CodeAction): string {
    const change = action.edit!.documentChanges![0] as TextDocumentEdit;
    const edits = change.edits.map((e) => ('snippet' in e
      ? { range: e.range, newText: (e as SnippetTextEdit).snippet.value.replace(/\$\{1:([^}]*)\}/, '$1').replace(/\\([$}\\])/g, '$1') }
      : (e as TextEdit)));
    return TextDocument.applyEdits(TextDocument.create('x', 'yaml', 1, text), edits);
  }

  it('an ignore-on-this-line action inserts a directive whose reason is a snippet placeholder, and silences the finding', async () => {
    const { uri, diagnostics } = await open('suppress.yaml', WEB);
    const d = diagnostics.find((x) => x.code === 'seccomp-profile')!;
    const action = (await actionsFor(uri, d)).find((a) => a.title === 'Ignore `seccomp-profile` on this line')!;
    const edit = (action.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as SnippetTextEdit;
    assert.equal(edit.snippet.value, '        # kube-hardening-disable-next-line seccomp-profile -- ${1:reason}\n');
    const text = apply(WEB, action);
    const republished = client.waitForDiagnostics(uri, (p) => p.version === 2);
    client.change(uri, 2, [{ text }]);
    const after = (await republished).diagnostics;
    assert.ok(!after.some((x) => x.code === 'seccomp-profile'));
    assert.ok(!after.some((x) => x.code === 'unused-suppression'));

    // Hover on the rule id inside the directive: the rule's title and guidance section.
    const line = text.split('\n').findIndex((l) => l.includes('disable-next-line'));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: text.split('\n')[line]!.indexOf('seccomp-profile') + 2 } });
    assert.match((hover!.contents as MarkupContent).value, /Containers must run with a seccomp profile/);
    assert.match((hover!.contents as MarkupContent).value, /“Pod Security Policies”, p\. 11/);
    client.close(uri);
  });

  it('show documentation asks the client to open the rule page', async () => {
    const { uri, diagnostics } = await open('docs.yaml', WEB);
    const action = (await actionsFor(uri, diagnostics.find((x) => x.code === 'resource-limits'))).find((a) => a.title === 'Show documentation for `resource-limits`')!;
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: action.command!.command, arguments: action.command!.arguments! });
    assert.ok(client.shown.some((u) => u.endsWith('/docs/rules/resource-limits.md')), client.shown.join(', '));
    client.close(uri);
  });

  it('fix all of one rule and apply all fixes resolve to one edit that removes those findings', async () => {
    const text = readFileSync(join(EXAMPLES, 'multi-document.yaml'), 'utf8');
    const { uri, diagnostics } = await open('fixall.yaml', text);
    const d = diagnostics.find((x) => x.code === 'seccomp-profile')!;
    const actions = await actionsFor(uri, d);
    const ofRule = actions.find((a) => a.title === 'Fix all `seccomp-profile` problems in this file')!;
    assert.equal(ofRule.edit, undefined, 'computed only when resolved');
    const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, ofRule);
    assert.equal((resolved.edit!.documentChanges![0] as TextDocumentEdit).edits.length, 1, 'one undoable edit');
    const fixed = apply(text, resolved);
    const republished = client.waitForDiagnostics(uri, (p) => p.version === 2);
    client.change(uri, 2, [{ text: fixed }]);
    const after = (await republished).diagnostics;
    assert.ok(!after.some((x) => x.code === 'seccomp-profile'));
    assert.equal(after.length, diagnostics.filter((x) => x.code !== 'seccomp-profile').length, 'no other finding appeared or vanished');

    const all = (await actionsFor(uri, after.find((x) => x.code === 'run-as-non-root'))).find((a) => a.title === 'Apply all hardening fixes in this file')!;
    const everything = apply(fixed, await client.connection.sendRequest(CodeActionResolveRequest.type, all));
    const final = client.waitForDiagnostics(uri, (p) => p.version === 3);
    client.change(uri, 3, [{ text: everything }]);
    const left = (await final).diagnostics.map((x) => String(x.code));
    assert.deepEqual(left.filter((c) => ['run-as-non-root', 'seccomp-profile', 'no-privilege-escalation', 'read-only-root-filesystem', 'drop-all-capabilities', 'resource-limits', 'automount-service-account-token', 'no-host-ipc'].includes(c)), []);
    client.close(uri);
  });

  it('source.fixAll.kube-hardening applies safe fixes only', async () => {
    const { uri } = await open('fixall-source.yaml', WEB);
    const [action] = await actionsFor(uri, undefined, ['source.fixAll']);
    assert.equal(action!.kind, 'source.fixAll.kube-hardening');
    const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, action!);
    const fixed = apply(WEB, resolved);
    assert.match(fixed, /allowPrivilegeEscalation: false/);
    assert.match(fixed, /type: RuntimeDefault/);
    assert.doesNotMatch(fixed, /runAsNonRoot/, 'review fixes are not applied');
    assert.deepEqual(await actionsFor(uri, undefined, ['source.organizeImports']), []);
    client.close(uri);
  });

  it('an unused suppression is reported, and its fix removes it', async () => {
    const text = WEB.replace('  replicas: 3\n', '  replicas: 3\n  # kube-hardening-disable-next-line no-host-network -- old\n');
    const { uri, diagnostics } = await open('unused.yaml', text);
    const d = diagnostics.find((x) => x.code === 'unused-suppression')!;
    assert.equal(d.severity, 3);
    const [remove] = await actionsFor(uri, d);
    assert.equal(remove!.title, 'Remove the suppression');
    assert.equal(apply(text, remove!), WEB);
    client.close(uri);
  });
});
