import { checkFlag, describeFlag, runningComponents } from '../k8s/components.js';
import { defineRule } from '../rule.js';

const FILES = [
  { name: 'tls-cert-file', consequence: 'it serves a self-signed certificate that clients cannot verify' },
  { name: 'tls-private-key-file', consequence: 'it serves a self-signed certificate that clients cannot verify' },
  { name: 'client-ca-file', consequence: 'client certificates are not accepted for authentication' },
  { name: 'kubelet-certificate-authority', consequence: 'it does not verify the kubelets’ serving certificates, so a node can be impersonated' },
] as const;

/** TLS versions as Go's crypto/tls names them in the component flags. */
const TLS_VERSIONS: ReadonlyMap<string, number> = new Map([['VersionTLS10', 10], ['VersionTLS11', 11], ['VersionTLS12', 12], ['VersionTLS13', 13]]);

export default defineRule({
  meta: {
    id: 'apiserver-tls',
    title: 'The API server must serve and verify TLS 1.2 or later with its own certificates',
    severity: 'warning',
    category: 'Control plane',
    guidance: [
      { section: 'Encryption', page: 17, quote: 'Administrators should configure all traffic in the Kubernetes cluster—including between components, nodes, and the control plane—to use TLS 1.2 or 1.3 encryption.' },
      { section: 'Recommendations', page: 2, quote: 'Configure control plane components to use authenticated, encrypted communications using Transport Layer Security (TLS) certificates' },
    ],
    why: 'Without its own serving certificate the API server falls back to a self-signed one that clients learn to skip verifying; without a client CA it cannot authenticate components by certificate; without the kubelet CA its connections to nodes (exec, logs, port-forward) can be intercepted; TLS 1.0 and 1.1 have known weaknesses.',
    remediation: 'Set `--tls-cert-file`, `--tls-private-key-file`, `--client-ca-file` and `--kubelet-certificate-authority`, and leave `--tls-min-version` unset or at `VersionTLS12` or later.',
    peers: ['Checkov CKV_K8S_72', 'Checkov CKV_K8S_73', 'Checkov CKV_K8S_100', 'Checkov CKV_K8S_105'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.30.2
      command:
        - kube-apiserver
        - --client-ca-file=/etc/kubernetes/pki/ca.crt
        - --kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt
        - --tls-cert-file=/etc/kubernetes/pki/apiserver.crt
        - --tls-private-key-file=/etc/kubernetes/pki/apiserver.key
        - --tls-min-version=VersionTLS10
`,
      passing: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.30.2
      command:
        - kube-apiserver
        - --client-ca-file=/etc/kubernetes/pki/ca.crt
        - --kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt
        - --tls-cert-file=/etc/kubernetes/pki/apiserver.crt
        - --tls-private-key-file=/etc/kubernetes/pki/apiserver.key
`,
    },
  },
  check(object, ctx) {
    for (const rc of runningComponents(ctx.src, object, 'kube-apiserver')) {
      for (const { name, consequence } of FILES) {
        checkFlag(ctx, rc, {
          name,
          accepts: (v) => v !== undefined && v.trim() !== '',
          required: true,
          missing: `kube-apiserver does not set --${name}: ${consequence}.`,
          wrong: (flag) => `kube-apiserver sets ${describeFlag(flag)} without a file: ${consequence}.`,
        });
      }
      checkFlag(ctx, rc, {
        name: 'tls-min-version',
        accepts: (v) => {
          const version = v === undefined ? undefined : TLS_VERSIONS.get(v);
          return version === undefined ? undefined : version >= 12;
        },
        required: false,
        missing: '',
        wrong: (flag) => `kube-apiserver sets ${describeFlag(flag)}: clients may connect with TLS versions older than 1.2.`,
      });
    }
  },
});
