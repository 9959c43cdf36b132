import { capitalise, describeContainer } from '../k8s/objects.js';
import { defineRule } from '../rule.js';
import { entry, items, numberOf, seqAt } from '../yaml/nodes.js';
import { HARDENED_POD } from '../doc-examples.js';

export default defineRule({
  meta: {
    id: 'run-as-non-root-group',
    title: 'Containers must not run with the root group',
    severity: 'warning',
    category: 'Pod security',
    guidance: [
      { section: 'Pod Security Policies', page: 10, quote: 'Controls whether container applications can run with root privileges or with root group membership.' },
      { section: 'Pod Security Policies', page: 10, quote: 'Set runAsGroup to non-zero' },
    ],
    why: 'Group 0 owns many files of the node and of images (`/etc`, sockets, devices that are group-writable): a process in the root group that escapes its container can read and change them even when its user is not root.',
    remediation: 'Set `runAsGroup`, `fsGroup` and every `supplementalGroups` entry to a non-zero group id.',
    peers: ['kubescape C-0013', 'Trivy KSV116'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    runAsUser: 1000
    runAsGroup: 0
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
    for (const c of w.containers) {
      const group = c.effective.runAsGroup;
      if (!group || numberOf(group.node) !== 0) continue;
      ctx.report({
        at: group.node,
        message: `${capitalise(describeContainer(c))} runs with the root group: runAsGroup is 0${group.level === 'pod' ? ' (inherited from the pod)' : ''}.`,
      });
    }
    const fsGroup = entry(doc, w.podSecurityContext, 'fsGroup');
    if (fsGroup?.value && numberOf(fsGroup.value) === 0) {
      ctx.report({
        at: fsGroup.value,
        message: 'The pod sets fsGroup: 0: every container joins the root group and the pod’s volumes are owned by it.',
      });
    }
    for (const item of items(doc, seqAt(doc, w.podSecurityContext, 'supplementalGroups'))) {
      if (numberOf(item) !== 0) continue;
      ctx.report({ at: item, message: 'The pod lists group 0 in supplementalGroups: every container joins the root group.' });
    }
  },
});
