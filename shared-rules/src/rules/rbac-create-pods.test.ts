import { testRule } from '../testing/rule-tester.js';
import rule from './rbac-create-pods.js';

testRule(rule, {
  valid: [
    {
      name: 'reading and scaling workloads, deleting pods',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: operator
  namespace: shop
rules:
  - apiGroups: ["apps"]
    resources: ["deployments", "deployments/scale"]
    verbs: ["get", "list", "watch", "patch"]
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["get", "list", "delete"]
`,
    },
    {
      name: 'pods in the wrong API group, and deployments in the core group, are other resources',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: metrics
rules:
  - apiGroups: ["metrics.k8s.io"]
    resources: ["pods", "nodes"]
    verbs: ["create", "get"]
  - apiGroups: [""]
    resources: ["deployments"]
    verbs: ["create"]
`,
    },
  ],
  invalid: [
    {
      name: 'create on pods, and on jobs and cronjobs: one finding per item',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: runner
  namespace: ci
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log"]
    verbs: ["create", "get"]
  - apiGroups: ["batch"]
    resources: ["jobs", "cronjobs"]
    verbs: ["create"]
`,
      findings: [
        { line: 8, column: 17, text: '"pods"', severity: 'information', message: 'Role `runner` grants create on pods: whoever is bound to it can run any image with any service account of the namespace.' },
        { line: 11, column: 17, text: '"jobs"', message: 'grants create on jobs:' },
        { line: 11, column: 25, text: '"cronjobs"', message: 'grants create on cronjobs:' },
      ],
    },
    {
      name: '`*` verbs on deployments in apps and the old extensions group',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: legacy-deployer
rules:
- apiGroups: [apps, extensions]
  resources: [deployments, daemonsets]
  verbs: ["*"]
`,
      findings: [
        { line: 7, column: 15, text: 'deployments', message: 'grants create on deployments:' },
        { line: 7, column: 28, text: 'daemonsets', message: 'grants create on daemonsets:' },
      ],
    },
    {
      name: 'create on every resource of every group',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: creator
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["create"]
`,
      findings: [
        { line: 7, column: 17, text: '"*"', message: 'ClusterRole `creator` grants create on every resource, pods and workloads included:' },
      ],
    },
  ],
});
