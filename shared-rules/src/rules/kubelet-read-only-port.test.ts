import { testRule } from '../testing/rule-tester.js';
import rule from './kubelet-read-only-port.js';

const DAEMONSET = (flags: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: kubelet
  namespace: kube-system
spec:
  selector:
    matchLabels:
      app: kubelet
  template:
    metadata:
      labels:
        app: kubelet
    spec:
      hostNetwork: true
      containers:
      - name: kubelet
        image: registry.example.com/node/kubelet:v1.30.2
        command:
        - kubelet
        - --kubeconfig=/etc/kubernetes/kubelet.conf
${flags}`;

testRule(rule, {
  valid: [
    {
      name: 'a KubeletConfiguration without readOnlyPort: the v1beta1 default is 0',
      yaml: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
`,
    },
    { name: 'a kubelet command line with --read-only-port=0', yaml: DAEMONSET('        - --read-only-port=0\n') },
    { name: 'a kubelet command line with --config', yaml: DAEMONSET('        - --config=/var/lib/kubelet/config.yaml\n') },
  ],
  invalid: [
    {
      name: 'readOnlyPort: 10255 becomes 0',
      yaml: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
readOnlyPort: 10255   # for the old metrics agent
`,
      findings: [
        {
          line: 3, column: 15, text: '10255', message: 'readOnlyPort: 10255',
          fixes: [{
            title: 'Set readOnlyPort: 0',
            output: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
readOnlyPort: 0   # for the old metrics agent
`,
          }],
        },
      ],
    },
    {
      name: 'a kubelet command line without --config: the flag default 10255 applies',
      yaml: DAEMONSET(''),
      findings: [
        {
          line: 19, column: 9, text: 'command', message: '--read-only-port=0 is not set and there is no --config',
          fixes: [{ title: 'Add --read-only-port=0', output: DAEMONSET('        - --read-only-port=0\n') }],
        },
      ],
    },
    {
      name: '--read-only-port 10255 as two items, with --config',
      yaml: DAEMONSET('        - --config=/var/lib/kubelet/config.yaml\n        - --read-only-port\n        - "10255"\n'),
      findings: [
        {
          line: 23, column: 11, text: '--read-only-port', message: 'The kubelet sets --read-only-port=10255',
          fixes: [{ title: 'Set --read-only-port=0', output: DAEMONSET('        - --config=/var/lib/kubelet/config.yaml\n        - --read-only-port\n        - "0"\n') }],
        },
      ],
    },
  ],
});
