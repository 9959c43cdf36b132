import { testRule } from '../testing/rule-tester.js';
import rule from './apiserver-insecure-port.js';

// A kube-apiserver static Pod of a v1.18 cluster, when the insecure port still existed.
const V118 = (flags: string) => `apiVersion: v1
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
    - --advertise-address=192.168.56.10
    - --authorization-mode=Node,RBAC
${flags}    - --secure-port=6443
    image: k8s.gcr.io/kube-apiserver:v1.18.20
    name: kube-apiserver
  hostNetwork: true
`;

testRule(rule, {
  valid: [
    {
      name: 'v1.18 kubeadm: --insecure-port=0',
      yaml: V118('    - --insecure-port=0\n'),
    },
    {
      name: 'v1.30: no insecure port flags at all',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
  - name: kube-apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    command: [kube-apiserver, --secure-port=6443]
`,
    },
  ],
  invalid: [
    {
      name: '--insecure-port=8080: the value becomes 0',
      yaml: V118('    - --insecure-port=8080\n'),
      findings: [
        {
          line: 15, column: 7, text: '--insecure-port=8080', message: 'kube-apiserver sets --insecure-port=8080: requests to that port skip authentication and authorization',
          fixes: [{ title: 'Set --insecure-port=0', output: V118('    - --insecure-port=0\n') }],
        },
      ],
    },
    {
      name: '--insecure-port with its value in the next, quoted item',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: legacy-apiserver
spec:
  template:
    spec:
      containers:
        - name: apiserver
          image: k8s.gcr.io/kube-apiserver-amd64:v1.11.10
          args:
            - "--insecure-port"
            - "8080"
            - "--secure-port=6443"
`,
      findings: [
        {
          line: 12, column: 15, text: '"--insecure-port"',
          fixes: [{
            title: 'Set --insecure-port=0',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: legacy-apiserver
spec:
  template:
    spec:
      containers:
        - name: apiserver
          image: k8s.gcr.io/kube-apiserver-amd64:v1.11.10
          args:
            - "--insecure-port"
            - "0"
            - "--secure-port=6443"
`,
          }],
        },
      ],
    },
    {
      name: 'a leftover --insecure-bind-address with the port off: the item is removed',
      yaml: V118('    - --insecure-bind-address=0.0.0.0\n    - --insecure-port=0\n'),
      findings: [
        {
          line: 15, column: 7, text: '--insecure-bind-address=0.0.0.0', message: 'is off, and this leftover flag',
          fixes: [{ title: 'Remove --insecure-bind-address', output: V118('    - --insecure-port=0\n') }],
        },
      ],
    },
    {
      name: 'the port on and bound to every interface: two findings, one per flag',
      yaml: V118('    - --insecure-bind-address=0.0.0.0\n    - --insecure-port=8080\n'),
      findings: [
        {
          line: 15, column: 7, text: '--insecure-bind-address=0.0.0.0', message: 'listens on that address',
          fixes: [{ title: 'Remove --insecure-bind-address', output: V118('    - --insecure-port=8080\n') }],
        },
        {
          line: 16, column: 7, text: '--insecure-port=8080',
          fixes: [{ title: 'Set --insecure-port=0', output: V118('    - --insecure-bind-address=0.0.0.0\n    - --insecure-port=0\n') }],
        },
      ],
    },
  ],
});
