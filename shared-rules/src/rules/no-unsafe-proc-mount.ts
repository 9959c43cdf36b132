import { capitalise, describeContainer } from '../k8s/objects.js';
import { defineRule, fix } from '../rule.js';
import { removePath } from '../yaml/edit.js';
import { isScalar } from 'yaml';
import { HARDENED_POD } from '../doc-examples.js';

export default defineRule({
  meta: {
    id: 'no-unsafe-proc-mount',
    title: 'Containers must keep the default masked /proc',
    severity: 'error',
    category: 'Pod security',
    guidance: [
      { section: 'Recommendations', page: 2, quote: 'Denying container features frequently exploited to breakout' },
    ],
    why: 'The runtime masks and makes read-only the parts of `/proc` that reveal or change the node’s kernel (`/proc/sys`, `/proc/sysrq-trigger`, `/proc/kcore` …); `procMount: Unmasked` hands them to the container.',
    remediation: 'Remove `procMount` from the container’s `securityContext` (the default is `Default`, the masked /proc).',
    fix: { safety: 'review', description: 'Removes `procMount` from the container’s `securityContext`.' },
    peers: ['kube-linter unsafe-proc-mount', 'Polaris procMount', 'Trivy KSV027'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  automountServiceAccountToken: false
  hostUsers: false
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
        procMount: Unmasked
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
    if (!w || w.windows) return;
    for (const c of w.containers) {
      const procMount = c.effective.procMount;
      if (!procMount) continue;
      const value = isScalar(procMount.node) ? String(procMount.node.value) : undefined;
      if (value === 'Default') continue;
      ctx.report({
        at: procMount.node,
        message: value === 'Unmasked'
          ? `${capitalise(describeContainer(c))} sets procMount: Unmasked: the node’s kernel settings in /proc are no longer masked.`
          : `${capitalise(describeContainer(c))} sets procMount: ${value ?? '(not a string)'}, which is not Default (the only other value the API knows is Unmasked).`,
        fixes: [fix(`Remove procMount from ${describeContainer(c)}`, removePath(ctx.src, c.node, ['securityContext', 'procMount']), 'review')],
      });
    }
  },
});
