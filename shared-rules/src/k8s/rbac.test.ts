// The RBAC model: reading roles and bindings totally, and the catalogue's wildcard semantics.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocumentText } from '../lint-document.js';
import { detectStyle } from '../yaml/source.js';
import { objectsOf, type K8sObject } from './objects.js';
import {
  bindingOf, describeGrant, grantsOf, groupMatches, listText, reachedResources, resourceMatches, roleOf, verbMatches,
  type PolicyRule, type RbacRole,
} from './rbac.js';

function objectOf(text: string): { object: K8sObject; doc: ReturnType<typeof parseDocumentText>[number] } {
  const doc = parseDocumentText(text)[0]!;
  const object = objectsOf({ text, doc, style: detectStyle(text, doc) })[0]!;
  return { object, doc };
}

function roleFrom(text: string): RbacRole {
  const { object, doc } = objectOf(text);
  const role = roleOf(doc, object);
  assert.ok(role);
  return role;
}

function rule(role: RbacRole, i = 0): PolicyRule {
  return role.rules[i]!;
}

const values = (items: readonly { value: string }[]) => items.map((i) => i.value);

describe('roleOf', () => {
  it('reads each rule with its items, in order; a null apiGroups item is the core group', () => {
    const role = roleFrom(`kind: ClusterRole
metadata: {name: reader}
rules:
  - apiGroups: ["", apps]
    resources: [pods, deployments]
    verbs: [get, list]
  - apiGroups:
      -
    resources: [secrets]
    resourceNames: [tls]
    verbs: [get]
`);
    assert.equal(role.label, 'ClusterRole `reader`');
    assert.equal(role.rules.length, 2);
    assert.deepEqual(values(rule(role).apiGroups), ['', 'apps']);
    assert.deepEqual(values(rule(role).resources), ['pods', 'deployments']);
    assert.deepEqual(values(rule(role).verbs), ['get', 'list']);
    assert.deepEqual(values(rule(role, 1).apiGroups), ['']);
    assert.deepEqual(values(rule(role, 1).resourceNames), ['tls']);
  });

  it('is total: rules that are not a list, items that are not strings, an aggregated role without rules', () => {
    assert.deepEqual(roleFrom('kind: Role\nrules: {verbs: [get]}\n').rules, []);
    assert.deepEqual(roleFrom('kind: ClusterRole\naggregationRule:\n  clusterRoleSelectors: [{matchLabels: {a: b}}]\n').rules, []);
    const role = roleFrom('kind: Role\nrules:\n  - verbs: [get, 7, {a: b}, [x]]\n    resources: pods\n  - 12\n');
    assert.equal(role.rules.length, 1);
    assert.deepEqual(values(rule(role).verbs), ['get']);
    assert.deepEqual(values(rule(role).resources), []);
    assert.equal(role.label, 'Role without a name');
  });

  it('follows aliases to shared lists', () => {
    const role = roleFrom('kind: Role\nrules:\n  - apiGroups: &core [""]\n    resources: [pods]\n    verbs: &read [get, list]\n  - apiGroups: *core\n    resources: [services]\n    verbs: *read\n');
    assert.deepEqual(values(rule(role, 1).verbs), ['get', 'list']);
    assert.deepEqual(values(rule(role, 1).apiGroups), ['']);
  });

  it('is undefined for other kinds', () => {
    const { object, doc } = objectOf('kind: RoleBinding\nroleRef: {name: x}\n');
    assert.equal(roleOf(doc, object), undefined);
  });
});

describe('bindingOf', () => {
  it('reads roleRef and subjects; a subject without a name points at itself', () => {
    const text = `kind: ClusterRoleBinding
metadata:
  name: ops
roleRef: {kind: ClusterRole, name: admin}
subjects:
  - kind: Group
    name: ops-team
  - kind: User
`;
    const { object, doc } = objectOf(text);
    const b = bindingOf(doc, object)!;
    assert.equal(b.label, 'ClusterRoleBinding `ops`');
    assert.deepEqual({ kind: b.roleRef?.kind, name: b.roleRef?.name }, { kind: 'ClusterRole', name: 'admin' });
    assert.equal(text.slice(b.roleRef!.nameNode!.range![0], b.roleRef!.nameNode!.range![1]), 'admin');
    assert.deepEqual(b.subjects.map((s) => [s.kind, s.name]), [['Group', 'ops-team'], ['User', undefined]]);
    assert.equal(text.slice(b.subjects[0]!.anchor.range![0], b.subjects[0]!.anchor.range![1]), 'ops-team');
    assert.equal(b.subjects[1]!.anchor, b.subjects[1]!.node);
    assert.ok(b.subjectsSeq);
  });

  it('is total: no roleRef, subjects that are not a list', () => {
    const { object, doc } = objectOf('kind: RoleBinding\nsubjects: {kind: User, name: x}\n');
    const b = bindingOf(doc, object)!;
    assert.equal(b.roleRef, undefined);
    assert.deepEqual(b.subjects, []);
    assert.equal(b.subjectsSeq, undefined);
  });
});

describe('wildcard semantics', () => {
  it('resources: `*` is everything, subresources included; `pods/*` every pod subresource; `*/exec` every exec', () => {
    assert.ok(resourceMatches('*', 'secrets'));
    assert.ok(resourceMatches('*', 'pods/exec'));
    assert.ok(resourceMatches('secrets', 'secrets'));
    assert.ok(resourceMatches('pods/*', 'pods/exec'));
    assert.ok(resourceMatches('*/exec', 'pods/exec'));
    assert.ok(!resourceMatches('pods/*', 'pods'), 'pods/* is the subresources, not pods itself');
    assert.ok(!resourceMatches('pods', 'pods/exec'), 'a resource does not include its subresources');
    assert.ok(!resourceMatches('nodes/*', 'pods/exec'));
    assert.ok(!resourceMatches('*/log', 'pods/exec'));
    assert.ok(!resourceMatches('Secrets', 'secrets'), 'names match exactly');
  });

  it('verbs: `*` is every verb; names match exactly', () => {
    const r = rule(roleFrom('kind: Role\nrules: [{apiGroups: [""], resources: [pods], verbs: ["*"]}, {verbs: [Get, list]}]\n'));
    assert.ok(verbMatches(r, 'escalate'));
    const r2 = rule(roleFrom('kind: Role\nrules: [{verbs: [Get, list]}]\n'));
    assert.ok(!verbMatches(r2, 'get'));
    assert.ok(verbMatches(r2, 'list'));
  });

  it('apiGroups: a core resource needs "" or `*`; no apiGroups reaches no group', () => {
    const role = roleFrom(`kind: ClusterRole
rules:
  - {apiGroups: [""], resources: [secrets], verbs: [get]}
  - {apiGroups: ["*"], resources: [secrets], verbs: [get]}
  - {apiGroups: [apps], resources: [secrets], verbs: [get]}
  - {resources: [secrets], verbs: [get]}
`);
    assert.deepEqual(role.rules.map((r) => groupMatches(r, '')), [true, true, false, false]);
    const want = [{ group: '', resources: ['secrets'], verbs: ['get', 'list', 'watch'] }];
    assert.deepEqual(role.rules.map((r) => grantsOf(role, r, want).length), [1, 1, 0, 0]);
  });
});

describe('grantsOf', () => {
  const WANT = [
    { group: '', resources: ['pods/exec', 'pods/attach'], verbs: ['create', 'get'] },
    { group: '', resources: ['nodes/proxy'], clusterScoped: true },
  ];

  it('one grant per offending resources item, with the verbs granted', () => {
    const role = roleFrom('kind: ClusterRole\nrules:\n  - apiGroups: [""]\n    resources: [pods, pods/exec, nodes/proxy]\n    verbs: [get, list]\n');
    const grants = grantsOf(role, rule(role), WANT);
    assert.deepEqual(grants.map((g) => [g.item.value, describeGrant(g)]), [
      ['pods/exec', 'get on pods/exec'],
      ['nodes/proxy', 'get and list on nodes/proxy'],
    ]);
  });

  it('`*` verbs and resources grant every wanted verb on every wanted resource, on one item', () => {
    const role = roleFrom('kind: ClusterRole\nrules:\n  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n');
    const grants = grantsOf(role, rule(role), WANT);
    assert.equal(grants.length, 1);
    assert.equal(describeGrant(grants[0]!), 'create and get on pods/exec and pods/attach; every verb on nodes/proxy');
  });

  it('verbs that are not wanted grant nothing', () => {
    const role = roleFrom('kind: Role\nrules:\n  - apiGroups: [""]\n    resources: ["*"]\n    verbs: [list, watch]\n');
    assert.deepEqual(grantsOf(role, rule(role), [WANT[0]!]), []);
  });

  it('a namespaced Role cannot grant cluster-scoped resources', () => {
    const role = roleFrom('kind: Role\nrules:\n  - apiGroups: [""]\n    resources: [nodes/proxy, pods/exec]\n    verbs: ["*"]\n');
    assert.deepEqual(grantsOf(role, rule(role), WANT).map((g) => g.item.value), ['pods/exec']);
    assert.deepEqual(reachedResources(role, rule(role), WANT[1]!), []);
    assert.deepEqual(reachedResources(role, rule(role), WANT[0]!), ['pods/exec']);
  });

  it('the same resource wanted in two groups is named once', () => {
    const role = roleFrom('kind: ClusterRole\nrules:\n  - apiGroups: ["*"]\n    resources: [deployments]\n    verbs: [create]\n');
    const grants = grantsOf(role, rule(role), [
      { group: 'apps', resources: ['deployments'], verbs: ['create'] },
      { group: 'extensions', resources: ['deployments'], verbs: ['create'] },
    ]);
    assert.deepEqual(grants.map(describeGrant), ['create on deployments']);
  });
});

describe('listText', () => {
  it('joins like a sentence', () => {
    assert.equal(listText([]), '');
    assert.equal(listText(['a']), 'a');
    assert.equal(listText(['a', 'b']), 'a and b');
    assert.equal(listText(['a', 'b', 'c']), 'a, b and c');
  });
});
