import { testRule } from '../testing/rule-tester.js';
import rule from './apiserver-tls.js';

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

const KUBEADM_TLS = `    - --client-ca-file=/etc/kubernetes/pki/ca.crt
    - --tls-cert-file=/etc/kubernetes/pki/apiserver.crt
    - --tls-private-key-file=/etc/kubernetes/pki/apiserver.key
`;
const KUBELET_CA = '    - --kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt\n';

testRule(rule, {
  valid: [
    {
      name: 'kubeadm plus the kubelet CA',
      yaml: STATIC_POD(KUBEADM_TLS + KUBELET_CA),
    },
    {
      name: 'TLS 1.3 minimum, flags in a flow-style args list',
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
          args: [--tls-cert-file=/pki/tls.crt, --tls-private-key-file=/pki/tls.key, --client-ca-file=/pki/ca.crt, --kubelet-certificate-authority=/pki/ca.crt, --tls-min-version=VersionTLS13]
`,
    },
  ],
  invalid: [
    {
      name: 'kubeadm as generated: the kubelet serving certificates are not verified',
      yaml: STATIC_POD(KUBEADM_TLS),
      findings: [
        { line: 11, column: 5, text: 'command', message: 'kube-apiserver does not set --kubelet-certificate-authority' },
      ],
    },
    {
      name: 'no serving certificate and TLS 1.0 allowed',
      yaml: STATIC_POD(`    - --client-ca-file=/etc/kubernetes/pki/ca.crt\n${KUBELET_CA}    - --tls-min-version=VersionTLS10\n`),
      findings: [
        { line: 11, column: 5, text: 'command', message: 'kube-apiserver does not set --tls-cert-file: it serves a self-signed certificate' },
        { line: 11, column: 5, text: 'command', message: '--tls-private-key-file' },
        { line: 16, column: 7, text: '--tls-min-version=VersionTLS10', message: 'clients may connect with TLS versions older than 1.2' },
      ],
    },
    {
      name: 'TLS 1.1 as --flag value in one item',
      yaml: STATIC_POD(KUBEADM_TLS + KUBELET_CA + '    - --tls-min-version VersionTLS11\n'),
      findings: [
        { line: 18, column: 7, text: '--tls-min-version VersionTLS11', message: 'kube-apiserver sets --tls-min-version=VersionTLS11' },
      ],
    },
  ],
});
