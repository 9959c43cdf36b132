// The project configuration file over LSP: its problems appear in it, its settings change other files'
// diagnostics without a restart, and the editor's settings win over it.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { fileUri, REPO, startClient, type TestClient } from '../support/lsp-client.js';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));

describe('.kube-hardening.yaml', () => {
  let ws: string;
  let client: TestClient;
  const uri = (name: string) => fileUri(join(ws, name));

  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'kh-config-'));
    cpSync(join(REPO, 'examples'), ws, { recursive: true });
    writeFileSync(join(ws, '.kube-hardening.yaml'), 'rules:\n  run-as-non-root: off\n  seccomp-profile: error\nexclude: [pod-with-sidecar.yaml]\ntypo: 1\n');
  });
  after(async () => {
    await client?.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('applies at start: severities, off, exclusions; reports its own problems in itself', async () => {
    client = await startClient({ workspaceFolder: ws });
    const problems = client.waitForDiagnostics(uri('.kube-hardening.yaml'), (p) => p.diagnostics.length > 0);
    const web = client.waitForDiagnostics(uri('deployment-web.yaml'), (p) => p.diagnostics.length > 0);
    const p = await problems;
    assert.match(String(p.diagnostics[0]!.message), /unknown key `typo`/);
    assert.equal(p.diagnostics[0]!.range.start.line, 4);
    const w = await web;
    assert.ok(!codes(w).includes('run-as-non-root'));
    assert.equal(w.diagnostics.find((d) => d.code === 'seccomp-profile')!.severity, 1);
    await client.waitForProgressEnd();
    assert.ok(!client.published.some((x) => x.uri === uri('pod-with-sidecar.yaml') && x.diagnostics.length > 0), 'excluded by the file');
  });

  it('a change to the file on disk re-judges the workspace, and the editor settings win over it', async () => {
    writeFileSync(join(ws, '.kube-hardening.yaml'), 'rules:\n  seccomp-profile: information\n');
    const rejudged = client.waitForDiagnostics(uri('deployment-web.yaml'), (p) => codes(p).includes('run-as-non-root')
      && p.diagnostics.find((d) => d.code === 'seccomp-profile')?.severity === 3);
    const clean = client.waitForDiagnostics(uri('.kube-hardening.yaml'), (p) => p.diagnostics.length === 0);
    client.filesChanged([{ uri: uri('.kube-hardening.yaml'), type: 2 }]);
    await rejudged;
    await clean;
    const overridden = client.waitForDiagnostics(uri('deployment-web.yaml'), (p) => p.diagnostics.find((d) => d.code === 'seccomp-profile')?.severity === 2);
    client.settings = { rules: { 'seccomp-profile': 'warning' } };
    client.configurationChanged();
    await overridden;
  });
});
