import { testRule } from '../testing/rule-tester.js';
import rule from './apiserver-profiling.js';

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
    - --authorization-mode=Node,RBAC
${flags}    - --secure-port=6443
    image: registry.k8s.io/kube-apiserver:v1.30.2
    name: kube-apiserver
  hostNetwork: true
`;

testRule(rule, {
  valid: [
    {
      name: 'kubeadm with --profiling=false',
      yaml: STATIC_POD('    - --profiling=false\n'),
    },
    {
      name: 'a Deployment, flow-style args',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: apiserver
spec:
  template:
    spec:
      containers:
        - name: apiserver
          image: registry.k8s.io/kube-apiserver:v1.30.2
          args: ["--profiling=false", "--secure-port=6443"]
`,
    },
  ],
  invalid: [
    {
      name: 'kubeadm as generated: the flag is added',
      yaml: STATIC_POD(''),
      findings: [
        {
          line: 11, column: 5, text: 'command', message: 'kube-apiserver serves profiling endpoints',
          fixes: [{ title: 'Add --profiling=false', output: STATIC_POD('').replace('    - --secure-port=6443\n', '    - --secure-port=6443\n    - --profiling=false\n') }],
        },
      ],
    },
    {
      name: '--profiling=true: the value becomes false',
      yaml: STATIC_POD('    - --profiling=true\n'),
      findings: [
        {
          line: 14, column: 7, text: '--profiling=true',
          fixes: [{ title: 'Set --profiling=false', output: STATIC_POD('    - --profiling=false\n') }],
        },
      ],
    },
    {
      name: 'a bare --profiling in a flow list of a hyperkube container',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
spec:
  containers:
  - name: kube-apiserver
    image: k8s.gcr.io/hyperkube:v1.18.0
    command: [/hyperkube, kube-apiserver, --profiling, --secure-port=6443]
`,
      findings: [
        {
          line: 9, column: 43, text: '--profiling', message: 'kube-apiserver sets --profiling:',
          fixes: [{
            title: 'Set --profiling=false',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
spec:
  containers:
  - name: kube-apiserver
    image: k8s.gcr.io/hyperkube:v1.18.0
    command: [/hyperkube, kube-apiserver, --profiling=false, --secure-port=6443]
`,
          }],
        },
      ],
    },
  ],
});
