import { testRule } from '../testing/rule-tester.js';
import rule from './kubelet-tls.js';

const STATIC_POD = (args: string) => `apiVersion: v1
kind: Pod
metadata:
  name: kubelet
  namespace: kube-system
spec:
  hostNetwork: true
  containers:
    - name: kubelet
      image: registry.example.com/node/kubelet:v1.30.2
      command: [kubelet]
      args:
        - --kubeconfig=/etc/kubernetes/kubelet.conf
${args}`;

testRule(rule, {
  valid: [
    {
      name: 'TLS 1.2 and rotation on',
      yaml: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
rotateCertificates: true
serverTLSBootstrap: true
tlsMinVersion: VersionTLS12
`,
    },
    {
      name: 'nothing set: only explicit insecure values fire',
      yaml: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
cgroupDriver: systemd
`,
    },
    { name: 'a kubelet command line without TLS flags', yaml: STATIC_POD('') },
  ],
  invalid: [
    {
      name: 'TLS 1.0 and rotation off in a KubeletConfiguration',
      yaml: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
rotateCertificates: false
tlsMinVersion: VersionTLS10
`,
      findings: [
        { line: 3, column: 21, text: 'false', message: 'rotateCertificates: false' },
        { line: 4, column: 16, text: 'VersionTLS10', message: 'tlsMinVersion: VersionTLS10' },
      ],
    },
    {
      name: 'a flow-style KubeletConfiguration with TLS 1.1',
      yaml: `{apiVersion: kubelet.config.k8s.io/v1beta1, kind: KubeletConfiguration, tlsMinVersion: VersionTLS11}
`,
      findings: [{ line: 1, column: 88, text: 'VersionTLS11' }],
    },
    {
      name: 'the same on a kubelet command line',
      yaml: STATIC_POD('        - --tls-min-version=VersionTLS11\n        - --rotate-certificates=false\n'),
      findings: [
        { line: 14, column: 11, text: '--tls-min-version=VersionTLS11', message: 'The kubelet sets --tls-min-version=VersionTLS11' },
        { line: 15, column: 11, text: '--rotate-certificates=false', message: 'it keeps its client certificate until it expires' },
      ],
    },
  ],
});
