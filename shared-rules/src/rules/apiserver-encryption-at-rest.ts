import { checkFlag, describeFlag, runningComponents } from '../k8s/components.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'apiserver-encryption-at-rest',
    title: 'The API server must encrypt Secrets at rest',
    severity: 'error',
    category: 'Control plane',
    guidance: [
      { section: 'Secrets', page: 17, quote: 'To enable Secret data-at-rest encryption using the API server, administrators should change the kube-apiserver manifest file to execute using the --encryption-provider-config argument.' },
      { section: 'Recommendations', page: 2, quote: 'Encrypt Secrets using a strong encryption method' },
    ],
    why: 'Without an encryption provider, Secrets are stored in etcd as base64 plain text: anyone who reads an etcd backup, snapshot or data directory reads every password and token of the cluster.',
    remediation: 'Write an EncryptionConfiguration (preferably with a KMS provider), mount it into the API server Pod and pass it with `--encryption-provider-config`.',
    fix: { safety: 'review', description: 'Adds `--encryption-provider-config=/etc/kubernetes/enc/enc.yaml` with a TODO comment: the file must be written and mounted before the API server restarts.' },
    peers: ['Checkov CKV_K8S_104', 'Trivy KCV0030'],
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
        - --authorization-mode=Node,RBAC
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
        - --authorization-mode=Node,RBAC
        - --encryption-provider-config=/etc/kubernetes/enc/enc.yaml
`,
    },
  },
  check(object, ctx) {
    for (const rc of runningComponents(ctx.src, object, 'kube-apiserver')) {
      checkFlag(ctx, rc, {
        name: 'encryption-provider-config',
        accepts: (v) => v !== undefined && v.trim() !== '',
        required: true,
        missing: 'kube-apiserver stores Secrets unencrypted in etcd: --encryption-provider-config is not set.',
        wrong: (flag) => `kube-apiserver sets ${describeFlag(flag)} without a file: Secrets are stored unencrypted in etcd.`,
        fixValue: '/etc/kubernetes/enc/enc.yaml',
        safety: 'review',
        comment: 'TODO: write this EncryptionConfiguration and mount it into the Pod',
      });
    }
  },
});
