import { testRule } from '../testing/rule-tester.js';
import rule from './rbac-exec-attach.js';

testRule(rule, {
  valid: [
    {
      name: 'logs and port-forward are not exec or attach; list on pods/exec grants nothing',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: support
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log", "pods/portforward"]
    verbs: ["get", "list", "create"]
  - apiGroups: [""]
    resources: ["pods/exec"]
    verbs: ["list"]
`,
    },
    {
      name: 'a namespaced Role cannot grant nodes/proxy (nodes are cluster-scoped)',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: metrics
  namespace: monitoring
rules:
  - apiGroups: [""]
    resources: ["nodes/proxy", "nodes/metrics"]
    verbs: ["get"]
`,
    },
    {
      name: 'pods/exec in a non-core API group is something else',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: kubevirt-console
rules:
  - apiGroups: ["subresources.kubevirt.io"]
    resources: ["virtualmachineinstances/console", "pods/exec"]
    verbs: ["get"]
`,
    },
  ],
  invalid: [
    {
      name: 'create on pods/exec (SPDY) and get on pods/attach (websockets): one finding per item',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: debugger
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/exec"]
    verbs: ["create"]
  - apiGroups: [""]
    resources: ["pods/attach"]
    verbs: ["get", "list"]
`,
      findings: [
        { line: 8, column: 25, text: '"pods/exec"', message: 'Role `debugger` grants create on pods/exec: whoever is bound to it can run commands in running containers.' },
        { line: 11, column: 17, text: '"pods/attach"', message: 'Role `debugger` grants get on pods/attach:' },
      ],
    },
    {
      name: 'nodes/proxy with any verb in a ClusterRole, and pods/* for every pod subresource',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: node-debug
rules:
- apiGroups: [""]
  resources: [nodes/proxy]
  verbs: [list]
- apiGroups: ["*"]
  resources: [pods/*]
  verbs: [get]
`,
      findings: [
        { line: 7, column: 15, text: 'nodes/proxy', message: 'ClusterRole `node-debug` grants list on nodes/proxy:' },
        { line: 10, column: 15, text: 'pods/*', message: 'grants get on pods/exec and pods/attach (through `pods/*`)' },
      ],
    },
    {
      name: '`*` everything: one finding on the resources `*` naming both grants',
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
        { line: 7, column: 17, text: '"*"', message: 'grants create and get on pods/exec and pods/attach; every verb on nodes/proxy (through `*`)' },
      ],
    },
    {
      name: '`*/exec` reaches the exec subresource of every resource, as the API server matches it',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: exec-anything
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["*/exec"]
    verbs: ["*"]
`,
      findings: [
        { line: 8, column: 17, text: '"*/exec"', message: 'grants create and get on pods/exec (through `*/exec`)' },
      ],
    },
  ],
});
