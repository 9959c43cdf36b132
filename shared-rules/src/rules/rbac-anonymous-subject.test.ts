import { testRule } from '../testing/rule-tester.js';
import rule from './rbac-anonymous-subject.js';

testRule(rule, {
  valid: [
    {
      name: 'system:authenticated bound to the discovery roles Kubernetes binds it to itself',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: system:discovery
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:discovery
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: system:authenticated
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: basic-user
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:basic-user}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: system:authenticated}]
`,
    },
    {
      name: 'named users and groups; a ServiceAccount or Group called like the special users is not them',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: readers
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: User
    name: alice
  - kind: Group
    name: system:anonymous
  - kind: ServiceAccount
    name: system:unauthenticated
    namespace: shop
`,
    },
  ],
  invalid: [
    {
      name: 'system:anonymous among other subjects: the fix removes its item',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: status
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: status-reader
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: User
    name: system:anonymous
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: monitoring
`,
      findings: [
        {
          line: 12, column: 11, text: 'system:anonymous',
          message: 'ClusterRoleBinding `status` grants ClusterRole `status-reader` to system:anonymous: every request without credentials.',
          fixes: [{
            title: 'Remove subject system:anonymous from ClusterRoleBinding `status`',
            output: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: status
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: status-reader
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: monitoring
`,
          }],
        },
      ],
    },
    {
      name: 'the only subject, system:unauthenticated, in a non-indented list: the fix leaves an empty subjects list',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: public
  namespace: web
subjects:
- kind: Group
  name: system:unauthenticated
  apiGroup: rbac.authorization.k8s.io
roleRef:
  kind: Role
  name: public-reader
  apiGroup: rbac.authorization.k8s.io
`,
      findings: [
        {
          line: 8, column: 9, text: 'system:unauthenticated',
          message: 'RoleBinding `public` grants Role `public-reader` to system:unauthenticated',
          fixes: [{
            title: 'Remove subject system:unauthenticated from RoleBinding `public`',
            output: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: public
  namespace: web
subjects: []
roleRef:
  kind: Role
  name: public-reader
  apiGroup: rbac.authorization.k8s.io
`,
          }],
        },
      ],
    },
    {
      name: 'system:authenticated bound to view, in a flow list with another subject; CRLF line endings',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: everyone-views
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: Group, name: "system:authenticated"}, {kind: Group, name: auditors}]
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 6, column: 32, text: '"system:authenticated"',
          message: 'grants ClusterRole `view` to system:authenticated: every user and every service account of every pod.',
          fixes: [{
            title: 'Remove subject system:authenticated from ClusterRoleBinding `everyone-views`',
            output: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: everyone-views
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: Group, name: auditors}]
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
    {
      name: 'both anonymous subjects, the second last in its list; a Role named like a discovery role does not count',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: open
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: system:discovery
subjects:
  - kind: Group
    name: system:authenticated # everyone
  - kind: User
    name: system:anonymous
    # no credentials needed
`,
      findings: [
        {
          line: 12, column: 11, text: 'system:authenticated',
          fixes: [{
            title: 'Remove subject system:authenticated from RoleBinding `open`',
            output: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: open
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: system:discovery
subjects:
  - kind: User
    name: system:anonymous
    # no credentials needed
`,
          }],
        },
        {
          line: 14, column: 11, text: 'system:anonymous',
          fixes: [{
            title: 'Remove subject system:anonymous from RoleBinding `open`',
            output: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: open
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: system:discovery
subjects:
  - kind: Group
    name: system:authenticated # everyone
`,
          }],
        },
      ],
    },
  ],
});
