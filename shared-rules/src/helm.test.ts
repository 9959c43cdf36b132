// Helm templates and kustomize patches: no YAML noise, no guesses about templated values, missing-field rules
// silent where a template block or a patch may supply the field; literal bad values still reported.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileFindings, lintFile, lintStandalone } from './file-model.js';
import { maskTemplates } from './helm.js';
import { kustomizationPatches } from './kustomize.js';

const CHART = join(__dirname, '..', '..', 'test', 'fixtures', 'helm-chart', 'web', 'templates');
const chartFile = (name: string) => readFileSync(join(CHART, name), 'utf8');
const ids = (text: string) => lintStandalone(text).map((f) => f.ruleId);

describe('Helm templates', () => {
  it('masks actions with text of the same length: whole-line actions become blank, inline ones placeholders', () => {
    const text = 'metadata:\n  name: {{ include "x" . }}\n  labels:\n    {{- include "l" . | nindent 4 }}\n';
    const masked = maskTemplates(text);
    assert.equal(masked.text.length, text.length);
    assert.equal(masked.text.split('\n')[3]!.trim(), '');
    assert.match(masked.text.split('\n')[1]!, /^ {2}name: ⋯+$/);
    assert.equal(masked.holes.length, 1);
    assert.equal(masked.spans.length, 1);
  });

  it('a realistic chart template parses, gets one note, and only its literal bad values are reported', () => {
    const text = chartFile('deployment.yaml');
    assert.deepEqual(lintFile(text).segments.map((s) => s.result.broken), [false], 'no YAML syntax noise');
    const findings = lintStandalone(text);
    assert.deepEqual(findings.map((f) => f.ruleId), ['helm-template', 'no-privileged']);
    assert.equal(findings[0]!.range.start, 0);
    assert.equal(findings[1]!.severity, 'error', 'the literal privileged: true still fires');
    // The templated allowPrivilegeEscalation value is not judged, nor what the toYaml blocks may supply.
    assert.ok(!ids(text).includes('no-privilege-escalation'));
    assert.ok(!ids(text).includes('run-as-non-root'));
  });

  it('a template without holes is still judged for what it lacks, on literal YAML', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  containers:\n    - name: app\n      image: "{{ .Values.image }}"\n';
    const found = ids(text);
    assert.ok(found.includes('run-as-non-root') && found.includes('seccomp-profile'));
    assert.ok(!found.includes('image-tag-pinned'), 'the templated image is not judged');
  });

  it('the ServiceAccount template, wrapped in an if, still feeds the workspace', () => {
    const sa = lintFile(chartFile('serviceaccount.yaml'));
    assert.deepEqual(fileFindings(sa).map((f) => f.ruleId), ['helm-template']);
  });

  it('a plain manifest with braces inside strings is not a template', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alerts\ndata:\n  rule: |\n    summary: "{{ $labels.instance }} is down"\n';
    assert.deepEqual(lintFile(text).segments.map((s) => s.result.broken), [false]);
    assert.deepEqual(fileFindings(lintFile(text)).map((f) => f.ruleId), [], 'no Helm note');
  });
});

describe('kustomize', () => {
  it('reads the patch files a kustomization names', () => {
    const text = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\npatchesStrategicMerge:\n  - replicas.yaml\npatches:\n  - path: resources.yaml\n    target: {kind: Deployment}\n  - patch: |-\n      - op: replace\npatchesJson6902:\n  - target: {kind: Service}\n    path: service-patch.yaml\n';
    assert.deepEqual(kustomizationPatches(text), ['replicas.yaml', 'resources.yaml', 'service-patch.yaml']);
    assert.deepEqual(kustomizationPatches('not: [a kustomization'), []);
  });

  it('a patch is a partial object: missing fields are not reported, bad values are', () => {
    const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          securityContext:\n            privileged: true\n';
    const whole = fileFindings(lintFile(patch)).map((f) => f.ruleId);
    const partial = fileFindings(lintFile(patch, undefined, [], { partial: true })).map((f) => f.ruleId);
    assert.ok(whole.includes('run-as-non-root') && whole.includes('no-privileged'));
    assert.deepEqual(partial, ['no-privileged']);
  });
});
