import { testRule } from '../testing/rule-tester.js';
import rule from './controller-manager-hardening.js';

// The static Pod `kubeadm init` writes to /etc/kubernetes/manifests/kube-controller-manager.yaml (v1.30).
const KUBEADM = (extra: string) => `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    component: kube-controller-manager
    tier: control-plane
  name: kube-controller-manager
  namespace: kube-system
spec:
  containers:
  - command:
    - kube-controller-manager
    - --allocate-node-cidrs=true
    - --authentication-kubeconfig=/etc/kubernetes/controller-manager.conf
    - --authorization-kubeconfig=/etc/kubernetes/controller-manager.conf
    - --bind-address=127.0.0.1
    - --client-ca-file=/etc/kubernetes/pki/ca.crt
    - --cluster-cidr=10.244.0.0/16
    - --cluster-name=kubernetes
    - --cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt
    - --cluster-signing-key-file=/etc/kubernetes/pki/ca.key
    - --controllers=*,bootstrapsigner,tokencleaner
    - --kubeconfig=/etc/kubernetes/controller-manager.conf
    - --leader-elect=true
    - --requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt
    - --root-ca-file=/etc/kubernetes/pki/ca.crt
    - --service-account-private-key-file=/etc/kubernetes/pki/sa.key
    - --service-cluster-ip-range=10.96.0.0/12
    - --use-service-account-credentials=true
${extra}    image: registry.k8s.io/kube-controller-manager:v1.30.2
    imagePullPolicy: IfNotPresent
    name: kube-controller-manager
    resources:
      requests:
        cpu: 200m
  hostNetwork: true
  priorityClassName: system-node-critical
status: {}
`;

testRule(rule, {
  valid: [
    { name: 'kubeadm plus --profiling=false', yaml: KUBEADM('    - --profiling=false\n') },
    {
      name: 'a hosted control plane Deployment with args in flow style, IPv6 loopback',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kube-controller-manager
  namespace: tenant-a
spec:
  template:
    spec:
      containers:
        - name: kube-controller-manager
          image: registry.k8s.io/kube-controller-manager:v1.30.2
          args: ["--bind-address=::1", "--use-service-account-credentials=true", "--service-account-private-key-file=/pki/sa.key", "--root-ca-file=/pki/ca.crt", "--profiling=false"]
`,
    },
  ],
  invalid: [
    {
      name: 'kubeadm as generated: profiling is on',
      yaml: KUBEADM(''),
      findings: [
        {
          line: 12, column: 5, text: 'command', message: 'kube-controller-manager serves profiling endpoints',
          fixes: [{ title: 'Add --profiling=false', output: KUBEADM('    - --profiling=false\n') }],
        },
      ],
    },
    {
      name: 'bound to every interface, shared credentials: one finding per flag, each fixed in place',
      yaml: KUBEADM('    - --profiling=false\n').replace('--bind-address=127.0.0.1', '--bind-address=0.0.0.0').replace('--use-service-account-credentials=true', '--use-service-account-credentials=false'),
      findings: [
        {
          line: 17, column: 7, text: '--bind-address=0.0.0.0', message: 'kube-controller-manager sets --bind-address=0.0.0.0: its port is reachable beyond its own node',
          fixes: [{ title: 'Set --bind-address=127.0.0.1', output: KUBEADM('    - --profiling=false\n').replace('--use-service-account-credentials=true', '--use-service-account-credentials=false') }],
        },
        {
          line: 30, column: 7, text: '--use-service-account-credentials=false',
          fixes: [{ title: 'Set --use-service-account-credentials=true', output: KUBEADM('    - --profiling=false\n').replace('--bind-address=127.0.0.1', '--bind-address=0.0.0.0') }],
        },
      ],
    },
    {
      name: 'a minimal command line: five findings on command; the key and CA paths have no fix',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: kube-controller-manager
  namespace: kube-system
spec:
  containers:
  - name: kube-controller-manager
    image: registry.k8s.io/kube-controller-manager:v1.30.2
    command: [kube-controller-manager, --kubeconfig=/etc/kubernetes/controller-manager.conf]
`,
      findings: [
        {
          line: 10, column: 5, text: 'command', message: 'the default is 0.0.0.0',
          fixes: [{
            title: 'Add --bind-address=127.0.0.1',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: kube-controller-manager
  namespace: kube-system
spec:
  containers:
  - name: kube-controller-manager
    image: registry.k8s.io/kube-controller-manager:v1.30.2
    command: [kube-controller-manager, --kubeconfig=/etc/kubernetes/controller-manager.conf, --bind-address=127.0.0.1]
`,
          }],
        },
        {
          line: 10, column: 5, text: 'command', message: '--use-service-account-credentials=true is not set',
          fixes: [{
            title: 'Add --use-service-account-credentials=true',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: kube-controller-manager
  namespace: kube-system
spec:
  containers:
  - name: kube-controller-manager
    image: registry.k8s.io/kube-controller-manager:v1.30.2
    command: [kube-controller-manager, --kubeconfig=/etc/kubernetes/controller-manager.conf, --use-service-account-credentials=true]
`,
          }],
        },
        { line: 10, column: 5, text: 'command', message: '--service-account-private-key-file' },
        { line: 10, column: 5, text: 'command', message: '--root-ca-file' },
        {
          line: 10, column: 5, text: 'command', message: '--profiling=false is not set',
          fixes: [{
            title: 'Add --profiling=false',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: kube-controller-manager
  namespace: kube-system
spec:
  containers:
  - name: kube-controller-manager
    image: registry.k8s.io/kube-controller-manager:v1.30.2
    command: [kube-controller-manager, --kubeconfig=/etc/kubernetes/controller-manager.conf, --profiling=false]
`,
          }],
        },
      ],
    },
  ],
});
