import { setInheritedField } from '../k8s/fixes.js';
import { capitalise, describeContainer } from '../k8s/objects.js';
import { defineRule, fix } from '../rule.js';
import { booleanOf, entry, numberOf } from '../yaml/nodes.js';
import { HARDENED_POD } from '../doc-examples.js';

export default defineRule({
  meta: {
    id: 'run-as-non-root',
    title: 'Containers must run as a non-root user',
    severity: 'warning',
    category: 'Pod security',
    guidance: [
      { section: '"Non-root" containers and "rootless" container engines', page: 7, quote: 'Preventing root execution by using non-root containers or a rootless container engine limits the impact of a container compromise.' },
      { section: '"Non-root" containers and "rootless" container engines', page: 8, quote: 'Alternatively, Kubernetes can load containers into a Pod with SecurityContext:runAsUser specifying a non-zero user.' },
    ],
    why: 'A process that is root inside the container is root on the node as soon as it escapes, and many escapes need root to begin with. `runAsNonRoot: true` makes the kubelet refuse to start an image whose user is root.',
    remediation: 'Set `securityContext.runAsNonRoot: true` (or a non-zero `runAsUser`) on the pod, and build the image to run as an unprivileged user.',
    fix: { safety: 'review', description: 'Adds `runAsNonRoot: true` to the pod `securityContext` (or to the container that overrides it); an image that runs as root will then be refused at start.' },
    peers: ['kubescape C-0013', 'kube-linter run-as-non-root', 'Polaris runAsRootAllowed', 'Checkov CKV_K8S_23', 'Trivy KSV012'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  automountServiceAccountToken: false
  securityContext:
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
    const userNamespace = booleanOf(entry(ctx.src.doc, w.podSpec, 'hostUsers')?.value) === false;
    for (const c of w.containers) {
      const user = c.effective.runAsUser;
      const uid = numberOf(user?.node);
      const nonRoot = c.effective.runAsNonRoot;
      if (user && uid === 0) {
        ctx.report({
          at: user.node,
          severity: 'error',
          message: `${capitalise(describeContainer(c))} runs as root: runAsUser is 0${user.level === 'pod' ? ' (inherited from the pod)' : ''}.`,
        });
        continue;
      }
      if (booleanOf(nonRoot?.node) === true || (uid !== undefined && uid > 0)) continue;
      const placed = setInheritedField(ctx.src, w, c, 'runAsNonRoot', [], true);
      ctx.report({
        at: nonRoot ? nonRoot.node : c.anchor,
        ...(userNamespace ? { severity: 'information' as const } : {}),
        message: nonRoot
          ? `${capitalise(describeContainer(c))} sets runAsNonRoot: false${nonRoot.level === 'pod' ? ' (from the pod)' : ''}: it may run as root.`
          : `${capitalise(describeContainer(c))} may run as root: set runAsNonRoot: true or a non-zero runAsUser${userNamespace ? ' (hostUsers: false maps root to an unprivileged user on the node)' : ''}.`,
        fixes: [fix(`Set runAsNonRoot: true ${placed.where}`, placed.edits, 'review')],
      });
    }
  },
});

