import { testRule } from '../testing/rule-tester.js';
import rule from './apiserver-authorization-mode.js';

const STATIC_POD = (flags: string) => `apiVersion: v1
kind: Pod
metadata:
  labels:
    component: kube-apiserver
    tier: control-plane
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
  - command:
    - kube-apiserver
    - --advertise-address=10.0.0.10
    - --allow-privileged=true
${flags}    - --client-ca-file=/etc/kubernetes/pki/ca.crt
    - --enable-admission-plugins=NodeRestriction
    - --secure-port=6443
    image: registry.k8s.io/kube-apiserver:v1.30.2
    name: kube-apiserver
  hostNetwork: true
  priorityClassName: system-node-critical
`;

testRule(rule, {
  valid: [
    {
      name: 'kubeadm: --authorization-mode=Node,RBAC',
      yaml: STATIC_POD('    - --authorization-mode=Node,RBAC\n'),
    },
    {
      name: 'a Deployment with the value in the next item and a webhook authorizer',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: tenant-apiserver
spec:
  template:
    spec:
      containers:
        - name: apiserver
          image: registry.k8s.io/kube-apiserver:v1.30.2
          command:
            - kube-apiserver
          args:
            - --authorization-mode
            - Node,Webhook,RBAC
`,
    },
    {
      name: 'a structured authorization configuration replaces the flag',
      yaml: STATIC_POD('    - --authorization-config=/etc/kubernetes/authz-config.yaml\n'),
    },
  ],
  invalid: [
    {
      name: 'missing: the default AlwaysAllow; the flag is added at the end of command',
      yaml: STATIC_POD(''),
      findings: [
        {
          line: 11, column: 5, text: 'command', message: '--authorization-mode is not set (the default is AlwaysAllow)',
          fixes: [{
            title: 'Add --authorization-mode=Node,RBAC',
            output: STATIC_POD('').replace('    - --secure-port=6443\n', '    - --secure-port=6443\n    - --authorization-mode=Node,RBAC\n'),
          }],
        },
      ],
    },
    {
      name: '--authorization-mode=AlwaysAllow becomes Node,RBAC in place',
      yaml: STATIC_POD('    - --authorization-mode=AlwaysAllow\n'),
      findings: [
        {
          line: 15, column: 7, text: '--authorization-mode=AlwaysAllow', message: 'every request is authorized and RBAC is not enabled',
          fixes: [{
            title: 'Set --authorization-mode=Node,RBAC',
            output: STATIC_POD('    - --authorization-mode=Node,RBAC\n'),
          }],
        },
      ],
    },
    {
      name: 'AlwaysAllow after RBAC still authorizes everything RBAC denies: it is removed',
      yaml: STATIC_POD('    - --authorization-mode=Node,RBAC,AlwaysAllow  # TODO: remove after the migration\n'),
      findings: [
        {
          line: 15, column: 7, text: '--authorization-mode=Node,RBAC,AlwaysAllow', message: 'AlwaysAllow in the chain authorizes every request',
          fixes: [{
            title: 'Set --authorization-mode=Node,RBAC',
            output: STATIC_POD('    - --authorization-mode=Node,RBAC  # TODO: remove after the migration\n'),
          }],
        },
      ],
    },
    {
      name: 'flow-style args, value in the next item: the value item is edited inside its quotes',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    args: ["--secure-port=6443", "--authorization-mode", "Webhook"]
`,
      findings: [
        {
          line: 9, column: 34, text: '"--authorization-mode"', message: 'RBAC is not enabled, so Roles and bindings are not enforced',
          fixes: [{
            title: 'Set --authorization-mode=Webhook,RBAC',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    args: ["--secure-port=6443", "--authorization-mode", "Webhook,RBAC"]
`,
          }],
        },
      ],
    },
    {
      name: 'a plain flow list: the new value holds a comma, so the item gets quoted',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    command: [kube-apiserver, --authorization-mode=AlwaysAllow, --secure-port=6443]
`,
      findings: [
        {
          line: 9, column: 31, text: '--authorization-mode=AlwaysAllow',
          fixes: [{
            title: 'Set --authorization-mode=Node,RBAC',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    command: [kube-apiserver, "--authorization-mode=Node,RBAC", --secure-port=6443]
`,
          }],
        },
      ],
    },
  ],
});
