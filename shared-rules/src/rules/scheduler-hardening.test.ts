import { testRule } from '../testing/rule-tester.js';
import rule from './scheduler-hardening.js';

// The static Pod `kubeadm init` writes to /etc/kubernetes/manifests/kube-scheduler.yaml (v1.30).
const KUBEADM = (extra: string) => `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    component: kube-scheduler
    tier: control-plane
  name: kube-scheduler
  namespace: kube-system
spec:
  containers:
  - command:
    - kube-scheduler
    - --authentication-kubeconfig=/etc/kubernetes/scheduler.conf
    - --authorization-kubeconfig=/etc/kubernetes/scheduler.conf
    - --bind-address=127.0.0.1
    - --kubeconfig=/etc/kubernetes/scheduler.conf
    - --leader-elect=true
${extra}    image: registry.k8s.io/kube-scheduler:v1.30.2
    imagePullPolicy: IfNotPresent
    livenessProbe:
      httpGet:
        host: 127.0.0.1
        path: /healthz
        port: 10259
        scheme: HTTPS
    name: kube-scheduler
  hostNetwork: true
  priorityClassName: system-node-critical
status: {}
`;

testRule(rule, {
  valid: [
    { name: 'kubeadm plus --profiling=false', yaml: KUBEADM('    - --profiling=false\n') },
    {
      name: 'a second scheduler with a KubeSchedulerConfiguration: profiling is set in that file',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-scheduler
  namespace: kube-system
spec:
  template:
    spec:
      containers:
      - name: my-scheduler
        image: registry.k8s.io/kube-scheduler:v1.30.2
        command:
        - /usr/local/bin/kube-scheduler
        - --bind-address=127.0.0.1
        - --config=/etc/kubernetes/my-scheduler/my-scheduler-config.yaml
`,
    },
  ],
  invalid: [
    {
      name: 'kubeadm as generated: profiling is on',
      yaml: KUBEADM(''),
      findings: [
        {
          line: 12, column: 5, text: 'command', message: 'kube-scheduler serves profiling endpoints',
          fixes: [{ title: 'Add --profiling=false', output: KUBEADM('    - --profiling=false\n') }],
        },
      ],
    },
    {
      name: 'bound to every interface with --flag value in one item',
      yaml: KUBEADM('    - --profiling=false\n').replace('--bind-address=127.0.0.1', '--bind-address 0.0.0.0'),
      findings: [
        {
          line: 16, column: 7, text: '--bind-address 0.0.0.0', message: 'kube-scheduler sets --bind-address=0.0.0.0',
          fixes: [{ title: 'Set --bind-address=127.0.0.1', output: KUBEADM('    - --profiling=false\n').replace('--bind-address=127.0.0.1', '--bind-address 127.0.0.1') }],
        },
      ],
    },
    {
      name: 'args only, recognised by the image, in a single-quoted flow list',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: scheduler
spec:
  containers:
  - name: scheduler
    image: registry.k8s.io/kube-scheduler:v1.30.2
    args: ['--kubeconfig=/etc/kubernetes/scheduler.conf', '--profiling=true']
`,
      findings: [
        {
          line: 9, column: 5, text: 'args', message: 'kube-scheduler listens on every interface',
          fixes: [{
            title: 'Add --bind-address=127.0.0.1',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: scheduler
spec:
  containers:
  - name: scheduler
    image: registry.k8s.io/kube-scheduler:v1.30.2
    args: ['--kubeconfig=/etc/kubernetes/scheduler.conf', '--profiling=true', '--bind-address=127.0.0.1']
`,
          }],
        },
        {
          line: 9, column: 59, text: "'--profiling=true'",
          fixes: [{
            title: 'Set --profiling=false',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: scheduler
spec:
  containers:
  - name: scheduler
    image: registry.k8s.io/kube-scheduler:v1.30.2
    args: ['--kubeconfig=/etc/kubernetes/scheduler.conf', '--profiling=false']
`,
          }],
        },
      ],
    },
  ],
});
