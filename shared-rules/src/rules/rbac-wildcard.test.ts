import { testRule } from '../testing/rule-tester.js';
import rule from './rbac-wildcard.js';

testRule(rule, {
  valid: [
    {
      name: 'explicit verbs, resources and groups',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: deployer
rules:
  - apiGroups: ["apps"]
    resources: ["deployments", "deployments/scale"]
    verbs: ["get", "list", "watch", "update", "patch"]
  - apiGroups: [""]
    resources: ["configmaps"]
    resourceNames: ["deployer-config"]
    verbs: ["get"]
`,
    },
    {
      name: 'an aggregated ClusterRole has no rules of its own',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: monitoring
aggregationRule:
  clusterRoleSelectors:
    - matchLabels:
        rbac.example.com/aggregate-to-monitoring: "true"
rules: []
`,
    },
    {
      name: 'a `*` elsewhere (a label, a binding) is not a rule wildcard; `pods/*` is not `*`',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: logs
  namespace: shop
  labels:
    scope: "*"
rules:
  - apiGroups: [""]
    resources: ["pods/log"]
    verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: "*"
  namespace: shop
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: logs}
subjects: [{kind: Group, name: "*"}]
`,
    },
  ],
  invalid: [
    {
      name: 'the all-powerful role: one finding per `*`, including a nonResourceURLs rule',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: superuser
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
  - nonResourceURLs: ["*"]
    verbs: ["*"]
`,
      findings: [
        { line: 6, column: 17, text: '"*"', message: 'ClusterRole `superuser` has `*` in apiGroups' },
        { line: 7, column: 17, text: '"*"', message: 'has `*` in resources' },
        { line: 8, column: 13, text: '"*"', message: 'has `*` in verbs' },
        { line: 10, column: 13, text: '"*"', message: 'has `*` in verbs' },
      ],
    },
    {
      name: 'block lists with plain and quoted stars, beside explicit items',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ci
  namespace: build
rules:
- apiGroups:
  - apps
  - batch
  resources:
  - '*'
  verbs:
  - get
  - "*"
`,
      findings: [
        { line: 11, column: 5, text: "'*'", message: 'Role `ci` has `*` in resources' },
        { line: 14, column: 5, text: '"*"', message: 'Role `ci` has `*` in verbs' },
      ],
    },
    {
      name: 'a ClusterRole inside a List, with a flow rule',
      yaml: `apiVersion: v1
kind: List
items:
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: {name: crd-admin}
    rules: [{apiGroups: ["*"], resources: [customresourcedefinitions], verbs: [get, create]}]
`,
      findings: [
        { line: 7, column: 26, text: '"*"', message: 'ClusterRole `crd-admin` has `*` in apiGroups' },
      ],
    },
  ],
});
