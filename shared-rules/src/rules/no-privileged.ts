import { setContainerField } from '../k8s/fixes.js';
import { capitalise, describeContainer } from '../k8s/objects.js';
import { defineRule, fix } from '../rule.js';
import { booleanOf } from '../yaml/nodes.js';
import { HARDENED_POD } from '../doc-examples.js';

export default defineRule({
  meta: {
    id: 'no-privileged',
    title: 'Containers must not be privileged',
    severity: 'error',
    category: 'Pod security',
    guidance: [
      { section: 'Pod Security Policies', page: 10, quote: 'Controls whether Pods can run privileged containers. Set to false.' },
      { section: 'Recommendations', page: 2, quote: 'Preventing privileged containers' },
    ],
    why: 'A privileged container has every capability and every device of the node; escaping it is trivial, so it is as good as root on the node.',
    remediation: 'Remove `privileged: true`; grant the one capability the workload needs instead.',
    fix: { safety: 'review', description: 'Sets `privileged: false` in the container `securityContext`.' },
    peers: ['kubescape C-0057', 'kube-linter privileged-container', 'Polaris runAsPrivileged', 'Checkov CKV_K8S_16', 'Trivy KSV017'],
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
        privileged: true
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
    for (const c of object.workload?.containers ?? []) {
      const privileged = c.effective.privileged;
      if (!privileged || booleanOf(privileged.node) !== true) continue;
      const placed = setContainerField(ctx.src, c, ['privileged'], false);
      ctx.report({
        at: privileged.node,
        message: `${capitalise(describeContainer(c))} is privileged: it has full access to the node.`,
        fixes: [fix(`Set privileged: false ${placed.where}`, placed.edits, 'review')],
      });
    }
  },
});
