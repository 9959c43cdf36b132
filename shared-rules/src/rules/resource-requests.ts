import { capitalise, describeContainer } from '../k8s/objects.js';
import { defineRule, fix } from '../rule.js';
import { setEntries, setPath } from '../yaml/edit.js';
import { deepestKey, entry, mapAt } from '../yaml/nodes.js';
import { Commented } from '../yaml/render.js';
import { HARDENED_POD } from '../doc-examples.js';

/** Placeholders the fix writes (below resource-limits' placeholder limits); the comment asks the user to size them. */
const PLACEHOLDERS = { cpu: new Commented('100m', 'TODO: size'), memory: new Commented('128Mi', 'TODO: size') } as const;

export default defineRule({
  meta: {
    id: 'resource-requests',
    title: 'Containers should set CPU and memory requests',
    severity: 'information',
    category: 'Pod security',
    guidance: [
      { section: 'Appendix G: Example ResourceQuota', page: 41, quote: 'Every container must have a memory request, memory limit, CPU request, and CPU limit' },
      { section: 'Appendix F: Example LimitRange', page: 40, quote: 'After this example LimitRange configuration is applied, all containers created in the namespace are assigned the default CPU request and limit if not specified.' },
    ],
    why: 'Without requests the scheduler reserves nothing for a container: it lands on nodes that cannot sustain it, is the first evicted under pressure, and a namespace ResourceQuota on requests refuses the pod outright.',
    remediation: 'Set `resources.requests.cpu` and `resources.requests.memory` on every container, sized from its observed use (a limit alone also counts: Kubernetes copies it into the request).',
    fix: { safety: 'review', description: 'Adds the missing `resources.requests` entries with placeholder values (`100m`, `128Mi`) marked `# TODO: size`.' },
    peers: ['Polaris cpuRequestsMissing', 'Polaris memoryRequestsMissing', 'Checkov CKV_K8S_10', 'Checkov CKV_K8S_12', 'Trivy KSV015', 'Trivy KSV016'],
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
      const resources = mapAt(doc, c.node, 'resources');
      const requests = mapAt(doc, resources, 'requests');
      const limits = mapAt(doc, resources, 'limits');
      // A limit without a request is copied into the request by the API server: that resource is requested.
      const missing = (['cpu', 'memory'] as const).filter((k) => !entry(doc, requests, k)?.value && !entry(doc, limits, k)?.value);
      if (missing.length === 0) continue;
      const values = Object.fromEntries(missing.map((k) => [k, PLACEHOLDERS[k]]));
      // setEntries fills a `cpu:` left without a value instead of adding a second `cpu` key.
      const edits = requests ? setEntries(ctx.src, requests, values) : setPath(ctx.src, c.node, ['resources', 'requests'], values);
      const what = missing.length === 2 ? 'CPU and memory requests' : `${missing[0] === 'cpu' ? 'CPU' : 'memory'} request`;
      ctx.report({
        at: deepestKey(doc, c.node, ['resources', 'requests']) ?? c.anchor,
        message: `${capitalise(describeContainer(c))} has no ${what}: the scheduler reserves nothing for it, and it is the first to be evicted when its node runs short.`,
        fixes: [fix(`Add ${missing.length === 2 ? 'placeholder' : 'a placeholder'} ${what} to ${describeContainer(c)}`, edits, 'review')],
      });
    }
  },
});
