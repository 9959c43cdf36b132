// The extension in a real VS Code extension host: activation, diagnostics, hover, a quick fix applied.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'kube-hardening.kube-hardening';

/** Resolves when `check` returns a value, re-checking on every diagnostics change (no fixed sleeps). */
function diagnosticsWhen<T>(uri: vscode.Uri, check: (ds: vscode.Diagnostic[]) => T | undefined, timeoutMs = 30000): Promise<T> {
  return new Promise((resolve, reject) => {
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kube-hardening');
    const done = (value: T) => {
      clearTimeout(timer);
      sub.dispose();
      resolve(value);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const value = check(ours());
      if (value !== undefined) done(value);
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`diagnostics for ${uri.toString()} never matched; last: ${JSON.stringify(ours().map((d) => d.code))}`));
    }, timeoutMs);
    const now = check(ours());
    if (now !== undefined) done(now);
  });
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

describe('Kube Hardening in VS Code', () => {
  const folder = () => vscode.workspace.workspaceFolders![0]!.uri;

  it('activates on a YAML file', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'deployment-web.yaml'));
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension is installed');
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('shows problems of files never opened, in the Problems panel, the view and the status bar', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'statefulset-db.yaml');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'not opened');
    const ds = await diagnosticsWhen(uri, (ds) => (ds.some((d) => codeOf(d) === 'drop-all-capabilities') ? ds : undefined));
    assert.ok(ds.some((d) => codeOf(d) === 'read-only-root-filesystem'));
    const api = vscode.extensions.getExtension<{ findings: vscode.TreeDataProvider<unknown>; status: { counts(): { errors: number; warnings: number } } }>(EXTENSION_ID)!.exports;
    const sections = (await api.findings.getChildren()) as { type: string; section: string }[];
    assert.ok(sections.some((s) => s.section === 'Pod security'), JSON.stringify(sections));
    const podSecurity = sections.find((s) => s.section === 'Pod security')!;
    const rules = (await api.findings.getChildren(podSecurity)) as { type: string; rule: { id: string } }[];
    const drop = rules.find((r) => r.rule.id === 'drop-all-capabilities')!;
    assert.ok(drop, rules.map((r) => r.rule.id).join(', '));
    const items = (await api.findings.getChildren(drop)) as { uri: vscode.Uri }[];
    assert.ok(items.some((f) => f.uri.toString() === uri.toString()), 'the never-opened file is listed under its rule');
    const item = await api.findings.getTreeItem(items.find((f) => f.uri.toString() === uri.toString())!);
    assert.match(String(item.description), /statefulset-db\.yaml:\d+/);
    assert.ok(api.status.counts().warnings > 0);
  });

  it('publishes diagnostics with source, code and documentation link', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'deployment-web.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ds = await diagnosticsWhen(uri, (ds) => (ds.some((d) => codeOf(d) === 'run-as-non-root') ? ds : undefined));
    const d = ds.find((x) => codeOf(x) === 'no-privilege-escalation')!;
    assert.ok(d, 'no-privilege-escalation is reported');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(typeof d.code === 'object' && d.code.target.toString().endsWith('/docs/rules/no-privilege-escalation.md'));
  });

  it('shows the guidance in a hover', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'pod-with-sidecar.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const d = await diagnosticsWhen(uri, (ds) => ds.find((x) => codeOf(x) === 'no-privileged'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, d.range.start);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Controls whether Pods can run privileged containers\. Set to false\./);
    assert.match(text, /Kubernetes Hardening Guidance v1\.0/);
  });

  it('applies a quick fix and the diagnostic goes away', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'deployment-web.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const d = await diagnosticsWhen(uri, (ds) => ds.find((x) => codeOf(x) === 'no-privilege-escalation'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const action = actions.find((a) => a.title === 'Set allowPrivilegeEscalation: false in container `web`');
    assert.ok(action?.edit, `the fix is offered: ${actions.map((a) => a.title).join(' | ')}`);
    const gone = diagnosticsWhen(uri, (ds) => (ds.length > 0 && !ds.some((x) => codeOf(x) === 'no-privilege-escalation') ? true : undefined));
    assert.equal(await vscode.workspace.applyEdit(action.edit), true);
    await gone;
    assert.match(doc.getText(), /securityContext:\n {12}allowPrivilegeEscalation: false\n$/);
  });

  it('applies a suppression: the directive is inserted with its reason selected, and the diagnostic goes away', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'cronjob-backup.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const d = await diagnosticsWhen(uri, (ds) => ds.find((x) => codeOf(x) === 'seccomp-profile'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const action = actions.find((a) => a.title === 'Ignore `seccomp-profile` on this line');
    assert.ok(action?.edit, `the suppression is offered: ${actions.map((a) => a.title).join(' | ')}`);
    const gone = diagnosticsWhen(uri, (ds) => (ds.length > 0 && !ds.some((x) => codeOf(x) === 'seccomp-profile') ? true : undefined));
    assert.equal(await vscode.workspace.applyEdit(action.edit), true);
    await gone;
    const line = doc.lineAt(d.range.start.line).text;
    assert.match(line, /^ *# kube-hardening-disable-next-line seccomp-profile -- reason$/);
    assert.equal(editor.document.getText(editor.selection), 'reason', 'the reason placeholder is selected');
  });
});
