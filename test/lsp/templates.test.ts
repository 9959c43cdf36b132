// Helm charts and kustomize overlays in a workspace, over LSP: no YAML noise and no guesses on templates, one note
// per template, patches judged as partial objects, the kustomization itself never judged as a manifest.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileUri, REPO, startClient, type TestClient } from '../support/lsp-client.js';

describe('Helm and kustomize in the workspace', () => {
  let ws: string;
  let client: TestClient;
  const uri = (name: string) => fileUri(join(ws, name));

  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'kh-templates-'));
    cpSync(join(REPO, 'test', 'fixtures', 'helm-chart'), join(ws, 'charts'), { recursive: true });
    mkdirSync(join(ws, 'deploy', 'base'), { recursive: true });
    mkdirSync(join(ws, 'deploy', 'prod'), { recursive: true });
    writeFileSync(join(ws, 'deploy', 'base', 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deployment.yaml]\n');
    writeFileSync(join(ws, 'deploy', 'base', 'deployment.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api:1.0\n');
    writeFileSync(join(ws, 'deploy', 'prod', 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../base]\npatches:\n  - path: debug.yaml\n');
    writeFileSync(join(ws, 'deploy', 'prod', 'debug.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          securityContext:\n            privileged: true\n');
  });
  after(async () => {
    await client?.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('judges templates and patches as partial, literal YAML', async () => {
    client = await startClient({ workspaceFolder: ws });
    const chart = client.waitForDiagnostics(uri('charts/web/templates/deployment.yaml'));
    const patch = client.waitForDiagnostics(uri('deploy/prod/debug.yaml'));
    const base = client.waitForDiagnostics(uri('deploy/base/deployment.yaml'));
    const d = await chart;
    assert.deepEqual(d.diagnostics.map((x) => [String(x.code), x.range.start.line, x.severity]), [['helm-template', 0, 3], ['no-privileged', 34, 1]]);
    assert.match(String(d.diagnostics[0]!.message), /Helm template: checked only where the YAML is literal/);
    assert.deepEqual((await patch).diagnostics.map((x) => String(x.code)), ['no-privileged']);
    assert.ok((await base).diagnostics.some((x) => x.code === 'run-as-non-root'), 'the base is a whole object');
    await client.waitForProgressEnd();
    for (const name of ['deploy/base/kustomization.yaml', 'deploy/prod/kustomization.yaml', 'charts/web/Chart.yaml', 'charts/web/values.yaml']) {
      assert.ok(!client.published.some((p) => p.uri === uri(name) && p.diagnostics.length > 0), `${name} is not judged`);
    }
  });
});
