// The project configuration file: parsing, problems with exact ranges, and what it changes in judgements.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CONFIG_KEYS, engineConfigOf, parseConfig } from './config.js';
import { lintStandalone } from './file-model.js';

const problemsOf = (text: string) => parseConfig(text).problems.map((p) => [p.message.split(' (')[0], text.slice(p.range.start, p.range.end)]);

describe('.kube-hardening.yaml', () => {
  it('reads every setting', () => {
    const { config, problems } = parseConfig(`# project settings
rules:
  resource-limits: off
  seccomp-profile: error
exclude: ["charts/**/templates/**", legacy/*.yaml]
targetVersion: "1.24"
defaultNamespace: shop
peerSuppressions: [kubescape, checkov]
`);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      rules: { 'resource-limits': 'off', 'seccomp-profile': 'error' },
      exclude: ['charts/**/templates/**', 'legacy/*.yaml'],
      targetVersion: '1.24', defaultNamespace: 'shop', peerSuppressions: ['kubescape', 'checkov'],
    });
    assert.deepEqual(engineConfigOf(config), { targetVersion: '1.24', defaultNamespace: 'shop', peerSuppressions: ['kubescape', 'checkov'] });
  });

  it('an empty file is an empty configuration', () => {
    assert.deepEqual(parseConfig(''), { config: { rules: {}, exclude: [] }, problems: [] });
    assert.deepEqual(parseConfig('# nothing yet\n'), { config: { rules: {}, exclude: [] }, problems: [] });
  });

  it('names every bad key and value, at its place, and keeps what is valid', () => {
    const text = `rulez: {}
rules:
  no-such-rule: error
  no-host-pid: loud
  no-host-ipc: off
exclude: charts
targetVersion: 1.30
defaultNamespace: Not_A_Namespace
peerSuppressions: [kubescape, trivy]
`;
    assert.deepEqual(problemsOf(text), [
      ['unknown key `rulez` in .kube-hardening.yaml', 'rulez'],
      ['unknown rule id `no-such-rule` in `rules`', 'no-such-rule'],
      ['`rules.no-host-pid` must be off, error, warning or information, not `loud`', 'loud'],
      ['`exclude` must be a list of globs', 'charts'],
      ['`targetVersion` must be quoted', '1.30'],
      ['`defaultNamespace` must be a namespace name, not `Not_A_Namespace`', 'Not_A_Namespace'],
      ['unknown tool `trivy` in `peerSuppressions`', 'trivy'],
    ]);
    assert.deepEqual(parseConfig(text).config.rules, { 'no-host-ipc': 'off' });
    assert.match(parseConfig('rules: [\n').problems[0]!.message, /not valid YAML/);
    assert.match(parseConfig('- a\n- b\n').problems[0]!.message, /must be a map/);
  });

  it('the JSON Schema describes the same keys', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'kube-hardening-config.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
    assert.deepEqual(Object.keys(schema.properties).sort(), [...CONFIG_KEYS].sort());
  });
});

describe('what the configuration changes', () => {
  const cronjob = 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          automountServiceAccountToken: false\n          containers: []\n';
  const ids = (text: string, config?: object) => lintStandalone(text, config ? { config } : {}).map((f) => f.ruleId);

  it('targetVersion: an API removed after the target is not reported', () => {
    assert.ok(ids(cronjob).includes('removed-api-version'));
    assert.ok(!ids(cronjob, { targetVersion: '1.24' }).includes('removed-api-version'));
    assert.ok(ids(cronjob, { targetVersion: '1.25' }).includes('removed-api-version'));
  });

  it('defaultNamespace: objects without a namespace belong to it', () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: []\n';
    const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n';
    assert.ok(ids(`${deployment}---\n${policy}`).includes('pod-network-isolated'));
    assert.ok(!ids(`${deployment}---\n${policy}`, { defaultNamespace: 'shop' }).includes('pod-network-isolated'));
  });

  it('peerSuppressions: another tool’s annotations count only when the project opts in, and are never "unused"', () => {
    const pod = (annotations: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n${annotations}spec:\n  hostPID: true\n  containers: []\n`;
    const kubescape = pod('    kubescape.io/skip-controls: "C-0038"\n');
    assert.ok(ids(kubescape).includes('no-host-pid'));
    assert.ok(!ids(kubescape, { peerSuppressions: ['kubescape'] }).includes('no-host-pid'));
    const linter = pod('    ignore-check.kube-linter.io/host-pid: "node agent"\n');
    assert.ok(!ids(linter, { peerSuppressions: ['kube-linter'] }).includes('no-host-pid'));
    const polaris = pod('    polaris.fairwinds.com/hostPIDSet-exempt: "true"\n');
    assert.ok(!ids(polaris, { peerSuppressions: ['polaris'] }).includes('no-host-pid'));
    const checkov = pod('    checkov.io/skip1: CKV_K8S_17=needs the host PIDs\n');
    assert.ok(!ids(checkov, { peerSuppressions: ['checkov'] }).includes('no-host-pid'));
    assert.ok(!ids(pod('    kubescape.io/skip-controls: "C-0057"\n'), { peerSuppressions: ['kubescape'] }).includes('unused-suppression'));
  });
});
