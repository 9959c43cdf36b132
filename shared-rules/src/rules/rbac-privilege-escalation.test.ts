import { testRule } from '../testing/rule-tester.js';
import rule from './rbac-privilege-escalation.js';

testRule(rule, {
  valid: [
    {
      name: 'reading RBAC objects, and updating roles without escalate',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: rbac-viewer
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles", "clusterroles", "rolebindings", "clusterrolebindings"]
    verbs: ["get", "list", "watch"]
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles"]
    verbs: ["update", "patch"]
`,
    },
    {
      name: '`*` verbs on resources where escalate, bind and impersonate mean nothing',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: app-admin
  namespace: shop
rules:
  - apiGroups: ["apps"]
    resources: ["deployments", "statefulsets"]
    verbs: ["*"]
  - apiGroups: [""]
    resources: ["serviceaccounts"]
    verbs: ["get", "list"]
`,
    },
    {
      name: 'roles in a group that is not RBAC, and a namespaced Role naming cluster-scoped resources',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: odd
  namespace: shop
rules:
  - apiGroups: ["example.com"]
    resources: ["roles", "rolebindings"]
    verbs: ["escalate", "bind", "create"]
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterrolebindings", "clusterroles"]
    verbs: ["create", "bind"]
  - apiGroups: [""]
    resources: ["users", "groups"]
    verbs: ["impersonate"]
`,
    },
  ],
  invalid: [
    {
      name: 'escalate and bind on roles: each verb item is a finding',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: role-manager
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles", "clusterroles"]
    verbs: ["get", "escalate", "bind"]
`,
      findings: [
        { line: 8, column: 20, text: '"escalate"', message: 'ClusterRole `role-manager` grants escalate on roles and clusterroles: whoever is bound to it can give itself permissions it was not granted.' },
        { line: 8, column: 32, text: '"bind"', message: 'grants bind on roles and clusterroles:' },
      ],
    },
    {
      name: 'impersonate users and service accounts; create on rolebindings and serviceaccounts/token',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: gateway
rules:
- apiGroups: [""]
  resources: [users, serviceaccounts]
  verbs: [impersonate]
- apiGroups: [rbac.authorization.k8s.io]
  resources: [rolebindings]
  verbs: [create, get]
- apiGroups: [""]
  resources: [serviceaccounts/token]
  verbs: [create]
`,
      findings: [
        { line: 8, column: 11, text: 'impersonate', message: 'grants impersonate on users and serviceaccounts:' },
        { line: 10, column: 15, text: 'rolebindings', message: 'ClusterRole `gateway` grants create on rolebindings:' },
        { line: 13, column: 15, text: 'serviceaccounts/token', message: 'grants create on serviceaccounts/token:' },
      ],
    },
    {
      name: '`*` everything: the verbs `*` (escalate, bind, impersonate) and the resources `*` (create on bindings and tokens)',
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
        { line: 7, column: 17, text: '"*"', message: 'grants create on rolebindings, clusterrolebindings and serviceaccounts/token (through `*`)' },
        { line: 8, column: 13, text: '"*"', message: 'grants escalate and bind on roles and clusterroles; impersonate on users, groups and serviceaccounts (through `*` in verbs)' },
      ],
    },
    {
      name: 'a namespaced Role: create on rolebindings counts, clusterrolebindings does not',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: team-admin
  namespace: team-a
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterrolebindings", "rolebindings"]
    verbs: ["create"]
`,
      findings: [
        { line: 8, column: 40, text: '"rolebindings"', message: 'Role `team-admin` grants create on rolebindings:' },
      ],
    },
  ],
});
