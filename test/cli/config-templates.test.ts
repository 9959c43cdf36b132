// The CLI with a project configuration file, a Helm chart and a kustomize overlay.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { kubeHarden, REPO, write, type JsonReport } from './helpers.js';

const dirs: string[] = [];
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kh-cli-config-'));
  dirs.push(dir);
  cpSync(join(REPO, 'examples'), join(dir, 'examples'), { recursive: true });
  return dir;
}
const json = (stdout: string) => JSON.parse(stdout) as JsonReport;
const ids = (r: JsonReport) => r.files.flatMap((f) => f.findings.map((x) => `${x.ruleId}:${x.severity}`));

describe('kube-harden with .kube-hardening.yaml, Helm and kustomize', () => {
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('finds the configuration by walking up, and applies severities, off and exclusions', () => {
    const dir = workspace();
    write(dir, '.kube-hardening.yaml', 'rules:\n  run-as-non-root: off\n  seccomp-profile: error\nexclude: [examples/pod-with-sidecar.yaml]\n');
    const r = kubeHarden(['--format', 'json', '.'], join(dir, 'examples'));
    const report = json(r.stdout);
    assert.ok(!ids(report).some((i) => i.startsWith('run-as-non-root')));
    assert.ok(ids(report).includes('seccomp-profile:error'));
    assert.ok(!report.files.some((f) => f.file.includes('pod-with-sidecar')));
  });

  it('--config names the file; a bad key or value is exit 2 naming it and its place', () => {
    const dir = workspace();
    write(dir, 'ci/strict.yaml', 'rules:\n  resource-limits: error\n');
    const r = kubeHarden(['--config', 'ci/strict.yaml', '--format', 'json', 'examples'], dir);
    assert.ok(ids(json(r.stdout)).includes('resource-limits:error'));
    write(dir, '.kube-hardening.yaml', 'rules:\n  no-host-pid: loud\ntargetVersion: 1.30\n');
    const bad = kubeHarden(['examples'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /\.kube-hardening\.yaml:2:16: `rules\.no-host-pid` must be off, error, warning or information, not `loud`/);
    assert.match(bad.stderr, /\.kube-hardening\.yaml:3:16: `targetVersion` must be quoted/);
    assert.equal(kubeHarden(['--config', 'missing.yaml', 'examples'], dir).status, 2);
  });

  it('targetVersion keeps API versions that target still serves', () => {
    const dir = workspace();
    write(dir, 'old/cronjob.yaml', 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: []\n');
    assert.ok(ids(json(kubeHarden(['--format', 'json', 'old'], dir).stdout)).some((i) => i.startsWith('removed-api-version')));
    write(dir, '.kube-hardening.yaml', 'targetVersion: "1.24"\n');
    assert.ok(!ids(json(kubeHarden(['--format', 'json', 'old'], dir).stdout)).some((i) => i.startsWith('removed-api-version')));
  });

  it('a Helm chart: one note per template, literal values only; a kustomize patch is a partial object', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-cli-templates-'));
    dirs.push(dir);
    cpSync(join(REPO, 'test', 'fixtures', 'helm-chart'), join(dir, 'charts'), { recursive: true });
    write(dir, 'deploy/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../charts]\npatchesStrategicMerge: [debug.yaml]\n');
    write(dir, 'deploy/debug.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          securityContext:\n            privileged: true\n');
    const report = json(kubeHarden(['--format', 'json', '.'], dir).stdout);
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f.findings.map((x) => x.ruleId)]));
    assert.deepEqual(byFile['charts/web/templates/deployment.yaml'], ['helm-template', 'no-privileged']);
    assert.deepEqual(byFile['deploy/debug.yaml'], ['no-privileged']);
    assert.ok(!('deploy/kustomization.yaml' in byFile), 'the kustomization is not a manifest');
    assert.ok(!report.files.some((f) => f.file.endsWith('values.yaml') || f.file.endsWith('Chart.yaml')));
  });
});
