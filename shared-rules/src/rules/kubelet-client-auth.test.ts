import { testRule } from '../testing/rule-tester.js';
import rule from './kubelet-client-auth.js';

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
      name: 'the kubeadm KubeletConfiguration: client CA and webhook authentication',
      yaml: `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
kind: KubeletConfiguration
`,
    },
    {
      name: 'a kubelet command line with both flags',
      yaml: DAEMONSET('        - --client-ca-file=/etc/kubernetes/pki/ca.crt\n        - --authentication-token-webhook=true\n'),
    },
    {
      name: 'a kubelet command line with --config: the file decides',
      yaml: DAEMONSET('        - --config=/var/lib/kubelet/config.yaml\n'),
    },
  ],
  invalid: [
    {
      name: 'a KubeletConfiguration without client CA, webhook turned off',
      yaml: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  webhook:
    enabled: false
`,
      findings: [
        { line: 3, column: 1, text: 'authentication', message: 'does not set authentication.x509.clientCAFile' },
        { line: 5, column: 14, text: 'false', message: 'authentication.webhook.enabled: false' },
      ],
    },
    {
      name: 'a KubeletConfiguration without authentication at all: at kind',
      yaml: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
readOnlyPort: 0
`,
      findings: [{ line: 2, column: 1, text: 'kind', message: 'authentication.x509.clientCAFile' }],
    },
    {
      name: 'a kubelet command line without --config: both flags missing',
      yaml: DAEMONSET(''),
      findings: [
        { line: 19, column: 9, text: 'command', message: '--client-ca-file is not set' },
        { line: 19, column: 9, text: 'command', message: '--authentication-token-webhook=true is not set' },
      ],
    },
    {
      name: 'an explicit --authentication-token-webhook=false next to --config',
      yaml: DAEMONSET('        - --config=/var/lib/kubelet/config.yaml --authentication-token-webhook=false\n'),
      findings: [
        { line: 22, column: 49, text: '--authentication-token-webhook=false', message: 'it cannot check bearer tokens' },
      ],
    },
  ],
});
