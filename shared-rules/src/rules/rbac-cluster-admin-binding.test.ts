import { testRule } from '../testing/rule-tester.js';
import rule from './rbac-cluster-admin-binding.js';

testRule(rule, {
  valid: [
    {
      name: 'a RoleBinding to the edit ClusterRole',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: deployer
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: edit
subjects:
  - kind: ServiceAccount
    name: deployer
    namespace: ci
`,
    },
    {
      name: 'the cluster-admin ClusterRole itself, and a role whose name only contains cluster-admin',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: cluster-admin
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: cluster-admin
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin-readonly}
subjects: [{kind: Group, name: auditors, apiGroup: rbac.authorization.k8s.io}]
`,
    },
  ],
  invalid: [
    {
      name: 'a ClusterRoleBinding of a CI service account to cluster-admin',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci-deployer
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: ServiceAccount
    name: deployer
    namespace: ci
`,
      findings: [
        { line: 8, column: 9, text: 'cluster-admin', message: 'ClusterRoleBinding `ci-deployer` grants cluster-admin to 1 subject: every verb on every resource of the whole cluster.' },
      ],
    },
    {
      name: 'a RoleBinding to cluster-admin grants it within the namespace; flow roleRef, quoted name',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: team-admins, namespace: team-a}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "cluster-admin"}
subjects:
  - {kind: Group, name: team-a, apiGroup: rbac.authorization.k8s.io}
  - {kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}
`,
      findings: [
        { line: 4, column: 73, text: '"cluster-admin"', message: 'RoleBinding `team-admins` grants cluster-admin to 2 subjects: every verb on every resource of its whole namespace.' },
      ],
    },
    {
      name: 'a binding without subjects, inside a List',
      yaml: `apiVersion: v1
kind: List
items:
- apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRoleBinding
  metadata:
    name: placeholder
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: ClusterRole
    name: cluster-admin
`,
      findings: [
        { line: 11, column: 11, text: 'cluster-admin', message: 'ClusterRoleBinding `placeholder` grants cluster-admin: every verb' },
      ],
    },
  ],
});
