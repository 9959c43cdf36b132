import { capitalise, describeContainer } from '../k8s/objects.js';
import { defineRule, fix } from '../rule.js';
import { setEntries, setPath } from '../yaml/edit.js';
import { deepestKey, entry, mapAt } from '../yaml/nodes.js';
import { Commented } from '../yaml/render.js';

/** Placeholders the fix writes; the comment asks the user to size them. */
const PLACEHOLDERS = { cpu: new Commented('500m', 'TODO: size'), memory: new Commented('256Mi', 'TODO: size') } as const;
import { HARDENED_POD } from '../doc-examples.js';

export default defineRule({
  meta: {
    id: 'resource-limits',
    title: 'Containers must set CPU and memory limits',
    severity: 'warning',
    category: 'Pod security',
    guidance: [
      { section: 'Resource policies', page: 14, quote: 'A LimitRange policy constrains individual resources per Pod or container within a particular namespace, e.g., by enforcing maximum compute and storage resources.' },
      { section: 'Appendix G: Example ResourceQuota', page: 41, quote: 'Every container must have a memory request, memory limit, CPU request, and CPU limit' },
    ],
    why: 'A container without limits can take all the CPU and memory of its node: one compromised or runaway pod (a crypto miner, a leak) starves every other workload there.',
    remediation: 'Set `resources.limits.cpu` and `resources.limits.memory` on every container, sized from its observed use.',
    fix: { safety: 'review', description: 'Adds the missing `resources.limits` entries with placeholder values (`500m`, `256Mi`) marked `# TODO: size`.' },
    peers: ['kubescape C-0270', 'kubescape C-0271', 'kube-linter unset-cpu-requirements', 'kube-linter unset-memory-requirements', 'Polaris cpuLimitsMissing', 'Polaris memoryLimitsMissing', 'Checkov CKV_K8S_11', 'Checkov CKV_K8S_13', 'Trivy KSV011', 'Trivy KSV018'],
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
`,
      passing: HARDENED_POD,
    },
  },
  check(object, ctx) {
    const doc = ctx.src.doc;
    for (const c of object.workload?.containers ?? []) {
      // Ephemeral containers may not set resources (the API server rejects them): they use the pod's.
      if (c.list === 'ephemeralContainers') continue;
      const limits = mapAt(doc, mapAt(doc, c.node, 'resources'), 'limits');
      const missing = (['cpu', 'memory'] as const).filter((k) => !entry(doc, limits, k)?.value);
      if (missing.length === 0) continue;
      const values = Object.fromEntries(missing.map((k) => [k, PLACEHOLDERS[k]]));
      // setEntries fills a `cpu:` left without a value instead of adding a second `cpu` key.
      const edits = limits ? setEntries(ctx.src, limits, values) : setPath(ctx.src, c.node, ['resources', 'limits'], values);
      const what = missing.length === 2 ? 'CPU and memory limits' : `${missing[0] === 'cpu' ? 'CPU' : 'memory'} limit`;
      ctx.report({
        at: deepestKey(doc, c.node, ['resources', 'limits']) ?? c.anchor,
        message: `${capitalise(describeContainer(c))} has no ${what}: it can starve the other workloads on its node.`,
        fixes: [fix(`Add ${missing.length === 2 ? 'placeholder' : 'a placeholder'} ${what} to ${describeContainer(c)}`, edits, 'review')],
      });
    }
  },
});
