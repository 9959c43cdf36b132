// --fix and --fix-review: files fixed in place, what remains reported, a second run finds nothing to fix, and a
// file whose fixed text would not parse is left alone.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cleanUp, findingKeys, fixture, json, kubeHarden } from './helpers.js';

after(cleanUp);

const SAFE_FIXED = `# A Deployment without a securityContext: safe fixes (allowPrivilegeEscalation, seccomp) and review ones.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      automountServiceAccountToken: false
      containers:
        - name: web
          image: ghcr.io/example/web:1.4.2
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: 500m, memory: 256Mi}
          securityContext:
            allowPrivilegeEscalation: false
      securityContext:
        seccompProfile:
          type: RuntimeDefault
`;

describe('--fix', () => {
  it('applies the safe fixes in place, reports them on stderr and prints what remains', () => {
    const ws = fixture('workspace');
    const path = join(ws, 'web', 'deployment.yaml');
    const namespace = readFileSync(join(ws, 'web', 'namespace.yaml'), 'utf8');
    const r = kubeHarden(['--fix', '--format', 'json', 'web'], ws);
    assert.equal(r.stderr, 'web/deployment.yaml: 2 fixes applied\n');
    assert.equal(readFileSync(path, 'utf8'), SAFE_FIXED);
    assert.equal(readFileSync(join(ws, 'web', 'namespace.yaml'), 'utf8'), namespace, 'a file without fixes is not touched');
    const report = json(r);
    assert.deepEqual(report.fixed, [{ file: 'web/deployment.yaml', applied: 2 }]);
    assert.deepEqual(findingKeys(report).sort(), ['drop-all-capabilities', 'read-only-root-filesystem', 'run-as-non-root'].map((id) => `web/deployment.yaml ${id}`));
    assert.equal(r.status, 1, 'review findings remain');
    assert.deepEqual(readdirSync(join(ws, 'web')).sort(), ['deployment.yaml', 'namespace.yaml', 'values.yaml'], 'no temporary file left');

    const again = kubeHarden(['--fix', 'web'], ws);
    assert.equal(again.stderr, '', 'nothing more to fix');
    assert.equal(readFileSync(path, 'utf8'), SAFE_FIXED);
  });

  it('--fix-review applies the review fixes too; a second run changes nothing', () => {
    const ws = fixture('workspace');
    const path = join(ws, 'web', 'deployment.yaml');
    chmodSync(path, 0o640);
    const r = kubeHarden(['--fix-review', '--format', 'json', 'web'], ws);
    assert.match(r.stderr, /^web\/deployment\.yaml: \d+ fixes applied\n$/);
    assert.equal(r.status, 0, r.stdout);
    assert.deepEqual(findingKeys(json(r)), []);
    const fixed = readFileSync(path, 'utf8');
    for (const line of ['allowPrivilegeEscalation: false', 'readOnlyRootFilesystem: true', 'runAsNonRoot: true', 'type: RuntimeDefault', '- ALL']) {
      assert.ok(fixed.includes(line), `${line} in\n${fixed}`);
    }
    assert.equal(statSync(path).mode & 0o777, 0o640, 'permissions kept');
    const again = kubeHarden(['--fix-review', 'web'], ws);
    assert.equal(again.stderr, '');
    assert.equal(again.status, 0);
    assert.equal(readFileSync(path, 'utf8'), fixed);
  });

  it('fixes only the chosen rules, and keeps a byte order mark', () => {
    const ws = fixture('workspace');
    const path = join(ws, 'web', 'deployment.yaml');
    writeFileSync(path, `\ufeff${readFileSync(path, 'utf8')}`);
    const r = kubeHarden(['--fix', '--rule', 'seccomp-profile', 'web'], ws);
    assert.equal(r.stderr, 'web/deployment.yaml: 1 fix applied\n');
    const fixed = readFileSync(path, 'utf8');
    assert.ok(fixed.startsWith('\ufeff# A Deployment'));
    assert.ok(fixed.includes('type: RuntimeDefault') && !fixed.includes('allowPrivilegeEscalation: false'));
  });

  it('leaves a file alone when its fixed text would not parse', () => {
    const ws = fixture('broken');
    const path = join(ws, 'deployment-and-typo.yaml');
    const before = readFileSync(path, 'utf8');
    const r = kubeHarden(['--fix-review', '.'], ws);
    assert.match(r.stderr, /^deployment-and-typo\.yaml: not fixed: the file does not parse as YAML \(line 26: /);
    assert.equal(readFileSync(path, 'utf8'), before);
    assert.equal(r.status, 1, 'its findings are still reported');
    assert.match(r.stdout, /seccomp-profile/);
  });
});
