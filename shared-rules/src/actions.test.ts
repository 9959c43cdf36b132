// Suppression actions and fix-all, on realistic manifests: the exact text they produce.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { fixAll, singleEdit, suppressedIdAt, suppressionFixes } from './actions.js';
import { fileFindings, lintFile } from './file-model.js';
import { RULES } from './rules/index.js';
import { applyEdits } from './testing/rule-tester.js';

const POD_RULES = RULES.filter((r) => ['run-as-non-root', 'seccomp-profile', 'no-privilege-escalation', 'read-only-root-filesystem', 'drop-all-capabilities', 'resource-limits', 'automount-service-account-token', 'no-host-network', 'no-privileged', 'unused-suppression'].includes(r.meta.id));

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: web # the app
          image: nginx:1.27
`;

function finding(text: string, ruleId: string) {
  const linted = lintFile(text, undefined, [], { rules: POD_RULES });
  return { linted, f: fileFindings(linted).find((x) => x.ruleId === ruleId)! };
}

describe('suppression fixes', () => {
  it('offers line, object and container suppressions with a reason placeholder', () => {
    const { linted, f } = finding(DEPLOYMENT, 'no-privilege-escalation');
    const fixes = suppressionFixes(linted, f);
    assert.deepEqual(fixes.map((x) => x.title), [
      'Ignore `no-privilege-escalation` on this line',
      'Ignore `no-privilege-escalation` for this Deployment `web`',
      'Ignore `no-privilege-escalation` for container `web`',
    ]);
    const line = applyEdits(DEPLOYMENT, fixes[0]!.edits);
    assert.equal(line, DEPLOYMENT.replace('        - name: web', '        # kube-hardening-disable-next-line no-privilege-escalation -- reason\n        - name: web'));
    const p = fixes[0]!.placeholder!;
    assert.equal(fixes[0]!.edits[p.edit]!.newText.slice(p.at, p.at + p.length), 'reason');
    assert.equal(applyEdits(DEPLOYMENT, fixes[1]!.edits), DEPLOYMENT.replace('  labels: {app: web}\n', '  labels: {app: web}\n  annotations:\n    kube-hardening.io/ignore: no-privilege-escalation\n    kube-hardening.io/ignore-reason: reason\n'));
    assert.equal(applyEdits(DEPLOYMENT, fixes[2]!.edits), DEPLOYMENT.replace('  labels: {app: web}\n', '  labels: {app: web}\n  annotations:\n    kube-hardening.io/ignore.web: no-privilege-escalation\n    kube-hardening.io/ignore-reason: reason\n'));
    for (const fx of fixes) {
      const after = applyEdits(DEPLOYMENT, fx.edits);
      const ids = fileFindings(lintFile(after, undefined, [], { rules: POD_RULES })).map((x) => x.ruleId);
      assert.ok(!ids.includes('no-privilege-escalation'), `${fx.title} suppresses it`);
      assert.ok(!ids.includes('unused-suppression'), `${fx.title} is used`);
    }
  });

  it('appends to a directive right above instead of adding a second one, and merges into an existing annotation', () => {
    const text = DEPLOYMENT
      .replace('        - name: web', '        # kube-hardening-disable-next-line run-as-non-root -- image runs as nginx\n        - name: web')
      .replace('  labels: {app: web}\n', '  labels: {app: web}\n  annotations:\n    kube-hardening.io/ignore: "seccomp-profile"\n    kube-hardening.io/ignore-reason: "legacy kernel"\n');
    const { linted, f } = finding(text, 'no-privilege-escalation');
    const [line, object] = suppressionFixes(linted, f);
    assert.equal(applyEdits(text, line!.edits), text.replace('run-as-non-root -- image', 'run-as-non-root, no-privilege-escalation -- image'));
    assert.equal(line!.placeholder, undefined);
    assert.equal(applyEdits(text, object!.edits), text.replace('"seccomp-profile"', '"seccomp-profile,no-privilege-escalation"'));
  });

  it('keeps CRLF line endings', () => {
    const text = DEPLOYMENT.replace(/\n/g, '\r\n');
    const { linted, f } = finding(text, 'no-host-network');
    const [line, object] = suppressionFixes(linted, f);
    assert.equal(applyEdits(text, line!.edits), text.replace('      hostNetwork: true', '      # kube-hardening-disable-next-line no-host-network -- reason\r\n      hostNetwork: true'));
    assert.ok(!applyEdits(text, object!.edits).replace(/\r\n/g, '').includes('\n'));
  });

  it('finds the rule id written in a directive or an annotation', () => {
    const text = `# kube-hardening-disable no-host-network -- lab\n${DEPLOYMENT}`;
    const linted = lintFile(text);
    const at = text.indexOf('no-host-network') + 3;
    assert.deepEqual(suppressedIdAt(linted, at), { id: 'no-host-network', range: { start: text.indexOf('no-host-network'), end: text.indexOf('no-host-network') + 15 } });
    assert.equal(suppressedIdAt(linted, 2), undefined);
  });
});

describe('fixAll', () => {
  it('applies every fix in passes, merging pod-level settings into one securityContext', () => {
    const result = fixAll(DEPLOYMENT, { rules: POD_RULES });
    assert.equal(result.remaining, 0);
    const after = fileFindings(lintFile(result.text, undefined, [], { rules: POD_RULES }));
    assert.deepEqual(after.map((f) => f.ruleId), []);
    for (const d of parseAllDocuments(result.text)) assert.deepEqual(d.errors, []);
    assert.equal(result.text.match(/securityContext:/g)!.length, 2, 'one for the pod, one for the container');
    assert.ok(result.text.startsWith(DEPLOYMENT.slice(0, DEPLOYMENT.indexOf('      hostNetwork'))), 'text before the first edit unchanged');
    assert.equal(fixAll(result.text, { rules: POD_RULES }).applied, 0, 'idempotent');
  });

  it('applies only safe fixes when asked, and only one rule when asked', () => {
    const safe = fixAll(DEPLOYMENT, { rules: POD_RULES, safety: 'safe' });
    const ids = fileFindings(lintFile(safe.text, undefined, [], { rules: POD_RULES })).map((f) => f.ruleId);
    assert.ok(!ids.includes('no-privilege-escalation') && !ids.includes('seccomp-profile'));
    assert.ok(ids.includes('run-as-non-root') && ids.includes('no-host-network'));
    const one = fixAll(DEPLOYMENT, { rules: POD_RULES, ruleId: 'no-host-network' });
    assert.equal(one.text, DEPLOYMENT.replace('      hostNetwork: true\n', ''));
  });

  it('singleEdit spans only the changed region', () => {
    assert.deepEqual(singleEdit('abcXYZdef', 'abcQdef'), { start: 3, end: 6, newText: 'Q' });
    assert.equal(singleEdit('same', 'same'), undefined);
  });
});
