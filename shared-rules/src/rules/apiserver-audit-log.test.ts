import { testRule } from '../testing/rule-tester.js';
import rule from './apiserver-audit-log.js';

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

const add = (line: string) => STATIC_POD('').replace('    - --secure-port=6443\n', `    - --secure-port=6443\n${line}\n`);

testRule(rule, {
  valid: [
    {
      name: 'the flags of the guidance’s Appendix M',
      yaml: STATIC_POD('    - --audit-policy-file=/etc/kubernetes/policy/audit-policy.yaml\n    - --audit-log-path=/var/log/audit.log\n    - --audit-log-maxage=1825\n'),
    },
    {
      name: 'a webhook backend instead of a log file (Appendix N); no retention needed',
      yaml: STATIC_POD('    - --audit-policy-file=/etc/kubernetes/policy/audit-policy.yaml\n    - --audit-webhook-config-file=/etc/kubernetes/policy/webhook.yaml\n'),
    },
    {
      name: 'the log written to standard output (`-`): the runtime keeps it, no files to age out',
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
          args: [--audit-policy-file=/policy/audit.yaml, --audit-log-path, "-"]
`,
    },
  ],
  invalid: [
    {
      name: 'kubeadm as generated: three findings on command, one flag added by each fix',
      yaml: STATIC_POD(''),
      findings: [
        {
          line: 11, column: 5, text: 'command', message: '--audit-policy-file is not set',
          fixes: [{
            title: 'Add --audit-policy-file=/etc/kubernetes/policy/audit-policy.yaml',
            output: add('    - --audit-policy-file=/etc/kubernetes/policy/audit-policy.yaml # TODO: write this audit Policy and mount it into the Pod'),
          }],
        },
        {
          line: 11, column: 5, text: 'command', message: '--audit-log-path is not set',
          fixes: [{
            title: 'Add --audit-log-path=/var/log/audit.log',
            output: add('    - --audit-log-path=/var/log/audit.log # TODO: mount a hostPath volume at this path'),
          }],
        },
        {
          line: 11, column: 5, text: 'command', severity: 'warning', message: '--audit-log-maxage is not set',
          fixes: [{ title: 'Add --audit-log-maxage=30', output: add('    - --audit-log-maxage=30') }],
        },
      ],
    },
    {
      name: 'a policy and a log path without retention: a warning',
      yaml: STATIC_POD('    - --audit-policy-file=/etc/kubernetes/policy/audit-policy.yaml\n    - --audit-log-path=/var/log/kubernetes/audit/audit.log\n'),
      findings: [
        {
          line: 11, column: 5, text: 'command', severity: 'warning',
          fixes: [{
            title: 'Add --audit-log-maxage=30',
            output: STATIC_POD('    - --audit-policy-file=/etc/kubernetes/policy/audit-policy.yaml\n    - --audit-log-path=/var/log/kubernetes/audit/audit.log\n')
              .replace('    - --secure-port=6443\n', '    - --secure-port=6443\n    - --audit-log-maxage=30\n'),
          }],
        },
      ],
    },
    {
      name: 'flags in a flow-style args list, one with an empty value and one with a zero retention',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    command: [kube-apiserver]
    args: ["--audit-policy-file=", "--audit-log-path=/var/log/audit.log", "--audit-log-maxage=0"]
`,
      findings: [
        {
          line: 10, column: 12, text: '"--audit-policy-file="', message: 'kube-apiserver sets --audit-policy-file= without a file',
          fixes: [{
            title: 'Set --audit-policy-file=/etc/kubernetes/policy/audit-policy.yaml',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    command: [kube-apiserver]
    args: ["--audit-policy-file=/etc/kubernetes/policy/audit-policy.yaml", "--audit-log-path=/var/log/audit.log", "--audit-log-maxage=0"]
`,
          }],
        },
        {
          line: 10, column: 75, text: '"--audit-log-maxage=0"', severity: 'warning', message: 'audit log files are never aged out',
          fixes: [{
            title: 'Set --audit-log-maxage=30',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    command: [kube-apiserver]
    args: ["--audit-policy-file=", "--audit-log-path=/var/log/audit.log", "--audit-log-maxage=30"]
`,
          }],
        },
      ],
    },
  ],
});
