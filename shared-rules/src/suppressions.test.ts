// Which findings each kind of suppression silences.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileFindings, lintFile } from './file-model.js';
import { RULES } from './rules/index.js';

const CHOSEN = new Set(['no-host-network', 'no-host-pid', 'no-privileged', 'unused-suppression']);
const rules = RULES.filter((r) => CHOSEN.has(r.meta.id));
const ids = (yaml: string) => fileFindings(lintFile(yaml, undefined, [], { rules })).map((f) => f.ruleId).sort();

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  automountServiceAccountToken: false
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  hostNetwork: true
  hostPID: true
  containers:
    - name: app
      image: app:1
      securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
      resources: {limits: {cpu: 1, memory: 1Gi}}
    - name: tool
      image: tool:1
      securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}, privileged: true}
      resources: {limits: {cpu: 1, memory: 1Gi}}
`;

describe('suppressions', () => {
  it('without any, every finding shows', () => {
    assert.deepEqual(ids(POD), ['no-host-network', 'no-host-pid', 'no-privileged']);
  });

  it('next-line directives silence the listed rules on the next content line only', () => {
    const yaml = POD.replace('  hostNetwork: true\n', '  # kube-hardening-disable-next-line no-host-network, no-host-pid -- lab cluster\n\n  # another comment\n  hostNetwork: true\n');
    assert.deepEqual(ids(yaml), ['no-host-pid', 'no-privileged', 'unused-suppression']);
  });

  it('a directive without ids silences every rule on that line', () => {
    assert.deepEqual(ids(POD.replace('  hostPID: true\n', '  # kube-hardening-disable-next-line\n  hostPID: true\n')), ['no-host-network', 'no-privileged']);
  });

  it('a document directive at the top silences the rules in that document only', () => {
    const yaml = `# kube-hardening-disable no-host-network, no-host-pid -- lab\n${POD}---\n${POD}`;
    assert.deepEqual(ids(yaml), ['no-host-network', 'no-host-pid', 'no-privileged', 'no-privileged']);
  });

  it('object and container annotations', () => {
    const object = POD.replace('  name: p\n', '  name: p\n  annotations:\n    kube-hardening.io/ignore: no-host-network, no-host-pid\n');
    assert.deepEqual(ids(object), ['no-privileged']);
    const container = POD.replace('  name: p\n', '  name: p\n  annotations:\n    kube-hardening.io/ignore.tool: "no-privileged"\n');
    assert.deepEqual(ids(container), ['no-host-network', 'no-host-pid']);
    const otherContainer = POD.replace('  name: p\n', '  name: p\n  annotations:\n    kube-hardening.io/ignore.app: "no-privileged"\n');
    assert.deepEqual(ids(otherContainer), ['no-host-network', 'no-host-pid', 'no-privileged', 'unused-suppression']);
  });

  it('a directive-looking line inside a block scalar is content, not a directive', () => {
    const yaml = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: script\ndata:\n  run.sh: |\n    # kube-hardening-disable-next-line no-such-rule\n    echo hi\n`;
    assert.deepEqual(ids(yaml), []);
  });
});
