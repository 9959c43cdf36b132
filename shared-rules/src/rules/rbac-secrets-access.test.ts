import { testRule } from '../testing/rule-tester.js';
import rule from './rbac-secrets-access.js';

testRule(rule, {
  valid: [
    {
      name: 'create and update on secrets (a writer that cannot read back), reads of other resources',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: cert-writer
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["create", "update", "patch"]
  - apiGroups: [""]
    resources: ["configmaps", "services"]
    verbs: ["get", "list", "watch"]
`,
    },
    {
      name: 'secrets of another API group are not the core Secrets',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: external-secrets-reader
rules:
  - apiGroups: ["external-secrets.io"]
    resources: ["secrets", "externalsecrets"]
    verbs: ["get", "list", "watch"]
  - apiGroups: ["apps"]
    resources: ["*"]
    verbs: ["get"]
`,
    },
    {
      name: 'a rule without apiGroups reaches no group (the API server refuses it)',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: broken
rules:
  - resources: ["secrets"]
    verbs: ["get"]
`,
    },
  ],
  invalid: [
    {
      name: 'get and list on secrets: the finding is on the secrets item and names the verbs',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: config-reader
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["configmaps", "secrets"]
    verbs: ["get", "list", "create"]
`,
      findings: [
        { line: 8, column: 31, text: '"secrets"', message: 'Role `config-reader` grants get and list on secrets: whoever is bound to it can read every Secret in its scope.' },
      ],
    },
    {
      name: '`*` verbs on `*` resources in the `*` group: one finding on the resources `*`',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: superuser
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`,
      findings: [
        { line: 7, column: 17, text: '"*"', message: 'ClusterRole `superuser` grants get, list and watch on secrets (`*` includes secrets)' },
      ],
    },
    {
      name: 'watch only, in block style, limited by resourceNames: still a read, the message names the Secret',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: tls-watcher
  namespace: ingress
rules:
- apiGroups:
  - ""
  resources:
  - secrets
  resourceNames:
  - ingress-tls
  verbs:
  - watch
`,
      findings: [
        { line: 10, column: 5, text: 'secrets', message: 'grants watch on secrets: whoever is bound to it can read the Secret `ingress-tls`.' },
      ],
    },
    {
      name: 'two rules of one ClusterRole each grant reads: one finding each',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: backup
rules:
  - apiGroups: ["*"]
    resources: ["secrets"]
    verbs: ["list"]
  - apiGroups: [""]
    resources: ["*"]
    verbs: ["get"]
`,
      findings: [
        { line: 7, column: 17, text: '"secrets"', message: 'grants list on secrets' },
        { line: 10, column: 17, text: '"*"', message: 'grants get on secrets (`*` includes secrets)' },
      ],
    },
  ],
});
