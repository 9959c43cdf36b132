import { testRule } from '../testing/rule-tester.js';
import rule from './rbac-system-masters.js';

testRule(rule, {
  valid: [
    {
      name: 'an ops group bound to admin',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ops
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: admin
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: ops
`,
    },
    {
      name: 'a user named system:masters is not the group; names match exactly',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: odd
  namespace: shop
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: viewer}
subjects:
  - {kind: User, name: "system:masters"}
  - {kind: Group, name: "System:Masters"}
`,
    },
  ],
  invalid: [
    {
      name: 'the group among other subjects',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: admins
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: User
    name: alice
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: system:masters
`,
      findings: [
        { line: 15, column: 11, text: 'system:masters', message: 'ClusterRoleBinding `admins` names the group system:masters' },
      ],
    },
    {
      name: 'a RoleBinding in flow style with a quoted name',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: break-glass, namespace: kube-system}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: Group, name: "system:masters", apiGroup: rbac.authorization.k8s.io}]
`,
      findings: [
        { line: 5, column: 32, text: '"system:masters"', message: 'RoleBinding `break-glass` names the group system:masters' },
      ],
    },
    {
      name: 'each binding of a List, in a non-indented subjects list',
      yaml: `apiVersion: v1
kind: List
items:
- apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRoleBinding
  metadata:
    name: masters-a
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: ClusterRole
    name: edit
  subjects:
  - kind: Group
    name: system:masters
- apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRoleBinding
  metadata:
    name: masters-b
  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
  subjects:
  - {kind: Group, name: system:masters}
`,
      findings: [
        { line: 14, column: 11, text: 'system:masters', message: 'ClusterRoleBinding `masters-a`' },
        { line: 21, column: 25, text: 'system:masters', message: 'ClusterRoleBinding `masters-b`' },
      ],
    },
  ],
});
