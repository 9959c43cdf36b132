import { defineRule } from '../rule.js';
import { entry, mapItems, seqAt, stringAt } from '../yaml/nodes.js';
import { HARDENED_POD } from '../doc-examples.js';

/**
 * The kubelet's safe sysctls: namespaced to the pod and without effect on other pods. The Pod Security Standards'
 * baseline list, plus tcp_rmem and tcp_wmem, which Kubernetes 1.32 added to both.
 */
const SAFE = new Set([
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes', 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem',
]);

/** Sysctl names may use `/` as the separator (`net/ipv4/tcp_syncookies`): the kubelet then swaps `/` and `.`. */
function dotted(name: string): string {
  const first = name.search(/[./]/);
  if (first < 0 || name[first] === '.') return name;
  return name.replace(/[./]/g, (c) => (c === '/' ? '.' : '/'));
}

export default defineRule({
  meta: {
    id: 'no-unsafe-sysctls',
    title: 'Pods should set only safe sysctls',
    severity: 'warning',
    category: 'Pod security',
    guidance: [
      { section: 'Kubernetes Pod security', page: 7, quote: 'Pods are often a cyber actor’s initial execution environment upon exploiting a container. For this reason, Pods should be hardened to make exploitation more difficult and to limit the impact of a successful compromise.' },
    ],
    why: 'Sysctls outside the safe set are either not namespaced, so they change the kernel of the whole node, or can starve or weaken the other pods on it; the kubelet refuses them unless a node administrator allows them explicitly.',
    remediation: 'Remove the unsafe sysctls from `securityContext.sysctls`, or run the workload on dedicated nodes tuned for it.',
    peers: ['kube-linter unsafe-sysctls', 'Trivy KSV026'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
    sysctls:
      - name: net.core.somaxconn
        value: "4096"
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
      resources:
        limits:
          cpu: 500m
          memory: 256Mi
`,
      passing: HARDENED_POD,
    },
  },
  check(object, ctx) {
    const w = object.workload;
    if (!w) return;
    const doc = ctx.src.doc;
    for (const sysctl of mapItems(doc, seqAt(doc, w.podSecurityContext, 'sysctls'))) {
      const name = stringAt(doc, sysctl, 'name');
      const nameNode = entry(doc, sysctl, 'name')?.value;
      if (name === undefined || !nameNode || SAFE.has(dotted(name))) continue;
      ctx.report({
        at: nameNode,
        message: `The pod sets the sysctl ${name}, which is not in the safe set: it can affect other pods or the node itself, and kubelets refuse it unless allowed.`,
      });
    }
  },
});
