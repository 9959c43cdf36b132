import { checkFlag, describeFlag, runningComponents } from '../k8s/components.js';
import { flagRange, isExpansion, lastFlag, listValues } from '../k8s/flags.js';
import { defineRule } from '../rule.js';

const FILES = [
  { name: 'etcd-certfile', what: 'a client certificate' },
  { name: 'etcd-keyfile', what: 'a client key' },
  { name: 'etcd-cafile', what: 'a CA to verify etcd' },
] as const;

export default defineRule({
  meta: {
    id: 'apiserver-etcd-tls',
    title: 'The API server must talk to etcd over authenticated TLS',
    severity: 'error',
    category: 'Control plane',
    guidance: [
      { section: 'Recommendations', page: 2, quote: 'Configure control plane components to use authenticated, encrypted communications using Transport Layer Security (TLS) certificates' },
      { section: 'Etcd', page: 16, quote: 'The etcd backend database stores state information and cluster Secrets.' },
    ],
    why: 'Every object of the cluster, Secrets included, travels between the API server and etcd: over plain HTTP or without a client certificate anyone on that network path can read it, and etcd cannot tell the API server from an attacker.',
    remediation: 'Give kube-apiserver `--etcd-certfile`, `--etcd-keyfile` and `--etcd-cafile`, and list only `https://` URLs in `--etcd-servers`.',
    peers: ['Checkov CKV_K8S_99', 'Checkov CKV_K8S_102', 'Trivy KCV0026', 'Trivy KCV0029'],
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
        - --etcd-servers=http://10.0.0.21:2379
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
        - --etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt
        - --etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt
        - --etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key
        - --etcd-servers=https://10.0.0.21:2379
`,
    },
  },
  check(object, ctx) {
    for (const rc of runningComponents(ctx.src, object, 'kube-apiserver')) {
      for (const { name, what } of FILES) {
        checkFlag(ctx, rc, {
          name,
          accepts: (v) => v !== undefined && v.trim() !== '',
          required: true,
          missing: `kube-apiserver connects to etcd without ${what}: --${name} is not set.`,
          wrong: (flag) => `kube-apiserver sets ${describeFlag(flag)} without a file: it connects to etcd without ${what}.`,
        });
      }
      const servers = lastFlag(rc.flags, 'etcd-servers');
      if (!servers || (servers.value !== undefined && isExpansion(servers.value))) continue;
      const plain = listValues(servers.value).filter((url) => !/^https:\/\//i.test(url) && !/^unix:/i.test(url));
      if (plain.length === 0) continue;
      ctx.report({
        at: flagRange(servers),
        message: `kube-apiserver reaches etcd without TLS: ${plain.map((u) => `\`${u}\``).join(', ')} ${plain.length === 1 ? 'is' : 'are'} not https://.`,
      });
    }
  },
});
