import { setContainerField } from '../k8s/fixes.js';
import { capitalise, describeContainer } from '../k8s/objects.js';
import { isAll } from '../k8s/capabilities.js';
import { defineRule, fix } from '../rule.js';
import { appendItem } from '../yaml/edit.js';
import { deepestKey, entry, items, mapAt, seqAt } from '../yaml/nodes.js';
import { isScalar } from 'yaml';
import { HARDENED_POD } from '../doc-examples.js';

export default defineRule({
  meta: {
    id: 'drop-all-capabilities',
    title: 'Containers must drop all Linux capabilities',
    severity: 'warning',
    category: 'Pod security',
    guidance: [
      { section: 'Appendix C: Example Pod Security Policy', page: 36, quote: 'The following is an example Kubernetes Pod Security Policy that enforces strong security requirements for containers running in the cluster.' },
      { section: 'Appendix C: Example Pod Security Policy', page: 36, quote: 'requiredDropCapabilities: - ALL' },
    ],
    why: 'Container runtimes grant a default set of capabilities (NET_RAW, CHOWN, SETUID …) that most applications never use and that attackers use to spoof traffic or change identities. Drop them all and add back only what is needed.',
    remediation: 'Add `ALL` to `securityContext.capabilities.drop`, and list in `capabilities.add` only what the application needs.',
    fix: { safety: 'review', description: 'Adds `ALL` to the container’s `capabilities.drop` list, creating the list (and `securityContext`) when missing.' },
    peers: ['kubescape C-0046', 'Polaris insecureCapabilities', 'Checkov CKV_K8S_28', 'Checkov CKV_K8S_37', 'Trivy KSV003'],
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
          drop: [NET_RAW]
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
      const capabilities = mapAt(doc, c.securityContext, 'capabilities');
      const drop = seqAt(doc, capabilities, 'drop');
      if (items(doc, drop).some((n) => isScalar(n) && isAll(n.value))) continue;
      const who = describeContainer(c);
      const placed = drop
        ? { edits: appendItem(ctx.src, drop, 'ALL'), where: `in ${who}` }
        : setContainerField(ctx.src, c, ['capabilities', 'drop'], ['ALL']);
      const dropEntry = entry(doc, capabilities, 'drop');
      ctx.report({
        at: dropEntry?.key ?? deepestKey(doc, c.node, ['securityContext', 'capabilities']) ?? c.anchor,
        message: `${capitalise(who)} keeps the runtime's default capabilities: drop ALL.`,
        fixes: [fix(`Drop all capabilities ${placed.where} (${drop ? 'add ALL to capabilities.drop' : 'capabilities.drop: [ALL]'})`, placed.edits, 'review')],
      });
    }
  },
});
