import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMap, parseDocument, type Document } from 'yaml';
import { compareVersions, movesMechanically, parseVersion, REMOVED_APIS, removedApi, replacementServed } from './removed-apis.js';

function root(yaml: string): { doc: Document.Parsed; map: import('yaml').YAMLMap } {
  const doc = parseDocument(yaml) as unknown as Document.Parsed;
  assert.ok(isMap(doc.contents));
  return { doc, map: doc.contents };
}

describe('removed API table', () => {
  it('lists each apiVersion/kind pair once, with well-formed versions', () => {
    const keys = REMOVED_APIS.map((r) => `${r.apiVersion} ${r.kind}`);
    assert.equal(new Set(keys).size, keys.length);
    for (const r of REMOVED_APIS) {
      assert.ok(parseVersion(r.removedIn), `${r.apiVersion} ${r.kind}: removedIn`);
      assert.match(r.apiVersion, /^([a-z0-9.-]+\/)?v\d+(alpha|beta)\d+$/, 'only pre-release versions are removed');
      if (r.migration.type === 'none') {
        assert.equal(r.replacement, undefined);
      } else {
        assert.ok(r.replacement && r.replacementSince && parseVersion(r.replacementSince), `${r.apiVersion} ${r.kind}: replacement`);
        assert.notEqual(r.replacement, r.apiVersion);
      }
    }
  });

  it('has the removal releases of the migration guide', () => {
    const expected: [string, string, string][] = [
      ['extensions/v1beta1', 'Deployment', '1.16'],
      ['extensions/v1beta1', 'DaemonSet', '1.16'],
      ['extensions/v1beta1', 'ReplicaSet', '1.16'],
      ['extensions/v1beta1', 'NetworkPolicy', '1.16'],
      ['extensions/v1beta1', 'PodSecurityPolicy', '1.16'],
      ['apps/v1beta1', 'Deployment', '1.16'],
      ['apps/v1beta1', 'StatefulSet', '1.16'],
      ['apps/v1beta2', 'DaemonSet', '1.16'],
      ['extensions/v1beta1', 'Ingress', '1.22'],
      ['networking.k8s.io/v1beta1', 'Ingress', '1.22'],
      ['networking.k8s.io/v1beta1', 'IngressClass', '1.22'],
      ['rbac.authorization.k8s.io/v1beta1', 'ClusterRoleBinding', '1.22'],
      ['apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', '1.22'],
      ['admissionregistration.k8s.io/v1beta1', 'ValidatingWebhookConfiguration', '1.22'],
      ['storage.k8s.io/v1beta1', 'CSIDriver', '1.22'],
      ['storage.k8s.io/v1beta1', 'StorageClass', '1.22'],
      ['scheduling.k8s.io/v1beta1', 'PriorityClass', '1.22'],
      ['coordination.k8s.io/v1beta1', 'Lease', '1.22'],
      ['certificates.k8s.io/v1beta1', 'CertificateSigningRequest', '1.22'],
      ['policy/v1beta1', 'PodSecurityPolicy', '1.25'],
      ['policy/v1beta1', 'PodDisruptionBudget', '1.25'],
      ['batch/v1beta1', 'CronJob', '1.25'],
      ['discovery.k8s.io/v1beta1', 'EndpointSlice', '1.25'],
      ['node.k8s.io/v1beta1', 'RuntimeClass', '1.25'],
      ['autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.25'],
      ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.26'],
      ['flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', '1.26'],
      ['storage.k8s.io/v1beta1', 'CSIStorageCapacity', '1.27'],
      ['flowcontrol.apiserver.k8s.io/v1beta2', 'PriorityLevelConfiguration', '1.29'],
      ['flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', '1.32'],
    ];
    for (const [apiVersion, kind, removedIn] of expected) {
      assert.equal(removedApi(apiVersion, kind)?.removedIn, removedIn, `${apiVersion} ${kind}`);
    }
  });

  it('knows only the removed pairs: current versions and unrelated kinds of a removed group are not in it', () => {
    assert.equal(removedApi('apps/v1', 'Deployment'), undefined);
    assert.equal(removedApi('networking.k8s.io/v1', 'Ingress'), undefined);
    assert.equal(removedApi('extensions/v1beta1', 'Widget'), undefined);
    assert.equal(removedApi(undefined, 'Deployment'), undefined);
    assert.equal(removedApi('Extensions/v1beta1', 'Deployment'), undefined, 'groups are matched exactly');
  });

  it('judges against a target release, the newest when none (or no valid one) is given', () => {
    assert.equal(removedApi('extensions/v1beta1', 'Ingress', '1.21'), undefined);
    assert.equal(removedApi('extensions/v1beta1', 'Ingress', '1.22')?.replacement, 'networking.k8s.io/v1');
    assert.ok(removedApi('extensions/v1beta1', 'Ingress', 'v1.22.4'));
    assert.ok(removedApi('batch/v1beta1', 'CronJob', '1.30'));
    assert.equal(removedApi('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', '1.31'), undefined);
    assert.ok(removedApi('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', undefined));
    assert.ok(removedApi('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', 'latest'));
  });

  it('says whether the target serves the replacement', () => {
    const flow = removedApi('flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema')!;
    assert.equal(replacementServed(flow, '1.26'), false, 'flowcontrol v1 is served from 1.29');
    assert.equal(replacementServed(flow, '1.29'), true);
    assert.equal(replacementServed(flow, undefined), true);
    assert.equal(replacementServed(removedApi('policy/v1beta1', 'PodSecurityPolicy')!, undefined), false);
  });

  it('compares releases numerically', () => {
    assert.ok(compareVersions('1.9', '1.16') < 0);
    assert.ok(compareVersions('1.32', '1.29') > 0);
    assert.equal(compareVersions('v1.25.3', '1.25'), 0);
    assert.deepEqual(parseVersion('1.27.0-rc.1'), [1, 27]);
    assert.equal(parseVersion('newest'), undefined);
  });
});

describe('movesMechanically', () => {
  const deployment = (apiVersion: string, spec: string) => root(`apiVersion: ${apiVersion}\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${spec}`);

  it('a NetworkPolicy moves by its apiVersion alone', () => {
    const { doc, map } = root('apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nspec:\n  podSelector: {}\n');
    assert.equal(movesMechanically(removedApi('extensions/v1beta1', 'NetworkPolicy')!, doc, map), true);
  });

  it('a Deployment moves to apps/v1 only with a non-empty spec.selector and no rollbackTo', () => {
    const removed = removedApi('extensions/v1beta1', 'Deployment')!;
    const withSelector = deployment('extensions/v1beta1', '  selector:\n    matchLabels: {app: web}\n  template: {}\n');
    assert.equal(movesMechanically(removed, withSelector.doc, withSelector.map), true);
    const withExpressions = deployment('extensions/v1beta1', '  selector:\n    matchExpressions:\n    - {key: app, operator: In, values: [web]}\n');
    assert.equal(movesMechanically(removed, withExpressions.doc, withExpressions.map), true);
    const without = deployment('extensions/v1beta1', '  replicas: 2\n');
    assert.equal(movesMechanically(removed, without.doc, without.map), false);
    const empty = deployment('extensions/v1beta1', '  selector: {}\n');
    assert.equal(movesMechanically(removed, empty.doc, empty.map), false);
    const rollback = deployment('extensions/v1beta1', '  selector:\n    matchLabels: {app: web}\n  rollbackTo:\n    revision: 3\n');
    assert.equal(movesMechanically(removed, rollback.doc, rollback.map), false);
  });

  it('an Ingress never moves by its apiVersion alone; a PodSecurityPolicy has nowhere to go', () => {
    const { doc, map } = root('apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nspec:\n  backend: {serviceName: web, servicePort: 80}\n');
    assert.equal(movesMechanically(removedApi('networking.k8s.io/v1beta1', 'Ingress')!, doc, map), false);
    const psp = root('apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nspec: {privileged: false}\n');
    assert.equal(movesMechanically(removedApi('policy/v1beta1', 'PodSecurityPolicy')!, psp.doc, psp.map), false);
  });

  it('an HPA of v2beta1 moves only without metrics; a PriorityLevelConfiguration of v1beta3 not with nominalConcurrencyShares: 0', () => {
    const hpa = removedApi('autoscaling/v2beta1', 'HorizontalPodAutoscaler')!;
    const plain = root('apiVersion: autoscaling/v2beta1\nkind: HorizontalPodAutoscaler\nspec:\n  minReplicas: 2\n  maxReplicas: 5\n');
    assert.equal(movesMechanically(hpa, plain.doc, plain.map), true);
    const metrics = root('apiVersion: autoscaling/v2beta1\nkind: HorizontalPodAutoscaler\nspec:\n  metrics:\n  - type: Resource\n    resource: {name: cpu, targetAverageUtilization: 70}\n');
    assert.equal(movesMechanically(hpa, metrics.doc, metrics.map), false);
    const plc = removedApi('flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration')!;
    const zero = root('apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: PriorityLevelConfiguration\nspec:\n  type: Limited\n  limited:\n    nominalConcurrencyShares: 0\n');
    assert.equal(movesMechanically(plc, zero.doc, zero.map), false);
    const ten = root('apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: PriorityLevelConfiguration\nspec:\n  type: Limited\n  limited:\n    nominalConcurrencyShares: 10\n');
    assert.equal(movesMechanically(plc, ten.doc, ten.map), true);
  });
});
