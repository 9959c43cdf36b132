import { capabilityName } from '../k8s/capabilities.js';
import { capitalise, describeContainer } from '../k8s/objects.js';
import { defineRule, fix } from '../rule.js';
import { removeItem } from '../yaml/edit.js';
import { deref, mapAt, seqAt } from '../yaml/nodes.js';
import { isNode, isScalar } from 'yaml';
import { HARDENED_POD } from '../doc-examples.js';

/** Capabilities that break a container out, or give it the node's network or kernel, and what each one allows. */
const DANGEROUS: ReadonlyMap<string, string> = new Map([
  ['SYS_ADMIN', 'it can mount file systems and enter namespaces, nearly as root on the node'],
  ['NET_ADMIN', 'it can reconfigure interfaces, routes and firewall rules'],
  ['NET_RAW', 'it can craft raw packets to spoof traffic and intercept neighbours'],
  ['SYS_PTRACE', 'it can trace and inject code into other processes'],
  ['SYS_MODULE', 'it can load kernel modules into the node'],
  ['SYS_RAWIO', 'it can read and write devices and I/O ports directly'],
  ['SYS_BOOT', 'it can reboot the node'],
  ['SYS_TIME', 'it can set the node’s clock'],
  ['DAC_READ_SEARCH', 'it can read any file whatever its permissions, a known escape path'],
  ['BPF', 'it can load BPF programs into the kernel'],
  ['PERFMON', 'it can observe the kernel and other processes'],
  ['ALL', 'it gets every capability of the kernel'],
]);

export default defineRule({
  meta: {
    id: 'no-dangerous-capabilities',
    title: 'Containers must not add dangerous capabilities',
    severity: 'error',
    category: 'Pod security',
    guidance: [
      { section: 'Recommendations', page: 2, quote: 'Denying container features frequently exploited to breakout' },
      { section: 'Kubernetes Pod security', page: 7, quote: 'For this reason, Pods should be hardened to make exploitation more difficult and to limit the impact of a successful compromise.' },
    ],
    why: 'Capabilities such as SYS_ADMIN, SYS_MODULE, SYS_PTRACE or DAC_READ_SEARCH are the usual ways out of a container, and NET_RAW or NET_ADMIN let a compromised container attack its neighbours on the network.',
    remediation: 'Remove the capability from `securityContext.capabilities.add`; if the application truly needs it, isolate that workload on dedicated nodes.',
    fix: { safety: 'review', description: 'Removes the capability from the container’s `capabilities.add` list.' },
    peers: ['kubescape C-0046', 'kube-linter drop-net-raw-capability', 'Polaris dangerousCapabilities', 'Checkov CKV_K8S_39', 'Trivy KSV005', 'Trivy KSV022'],
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
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
          add: [SYS_ADMIN]
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
    if (!w || w.windows) return;
    const doc = ctx.src.doc;
    for (const c of w.containers) {
      const add = seqAt(doc, mapAt(doc, c.securityContext, 'capabilities'), 'add');
      for (const raw of add?.items ?? []) {
        // An alias (`- *netAdmin`) is judged by what it names and removed where it is listed.
        const item = deref(doc, raw);
        const name = isScalar(item) ? capabilityName(item.value) : undefined;
        const effect = name !== undefined ? DANGEROUS.get(name) : undefined;
        if (!add || !isNode(raw) || !isScalar(item) || !effect) continue;
        const written = String(item.value);
        ctx.report({
          at: raw,
          message: `${capitalise(describeContainer(c))} adds the capability ${written}: ${effect}.`,
          fixes: [fix(`Remove ${written} from the capabilities of ${describeContainer(c)}`, removeItem(ctx.src, add, raw), 'review')],
        });
      }
    }
  },
});
