import { grantsOf, listText, roleOf, type Wanted } from '../k8s/rbac.js';
import { defineRule } from '../rule.js';

/** Pods and the kinds whose controllers create pods, in their API groups (`extensions` for old manifests). */
const WANTED: readonly Wanted[] = [
  { group: '', resources: ['pods', 'replicationcontrollers'], verbs: ['create'] },
  { group: 'apps', resources: ['deployments', 'replicasets', 'statefulsets', 'daemonsets'], verbs: ['create'] },
  { group: 'batch', resources: ['jobs', 'cronjobs'], verbs: ['create'] },
  { group: 'extensions', resources: ['deployments', 'replicasets', 'daemonsets'], verbs: ['create'] },
];

export default defineRule({
  meta: {
    id: 'rbac-create-pods',
    title: 'Roles should not create pods or workloads',
    severity: 'information',
    category: 'Authentication and authorization',
    guidance: [
      { section: 'Role-based access control', page: 21, quote: 'Privileges assigned to users, groups, and service accounts should follow the principle of least privilege, giving only required permissions to resources.' },
      { section: 'Alerting', page: 28, quote: 'Suspicious Pod creation source IP addresses could indicate that a malicious cyber actor has broken out of a container and is attempting to create a malicious Pod.' },
    ],
    why: 'Whoever can create a pod (directly or through a Deployment, Job …) can run any image with any service account of the namespace and mount every Secret and ConfigMap there, and, unless admission control forbids it, a privileged pod that takes over the node.',
    remediation: 'Grant create on pods and workloads only to deployment pipelines and controllers, in the namespaces they deploy to, and enforce Pod Security Admission there.',
    peers: ['kubescape C-0188', 'kube-linter access-to-create-pods'],
    examples: {
      failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: job-runner
  namespace: batch
rules:
  - apiGroups: ["batch"]
    resources: ["jobs"]
    verbs: ["create", "get", "list"]
`,
      passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: job-viewer
  namespace: batch
rules:
  - apiGroups: ["batch"]
    resources: ["jobs"]
    verbs: ["get", "list", "watch"]
`,
    },
  },
  check(object, ctx) {
    const role = roleOf(ctx.src.doc, object);
    if (!role) return;
    for (const rule of role.rules) {
      for (const grant of grantsOf(role, rule, WANTED)) {
        const resources = grant.parts.flatMap((p) => p.resources);
        const what = grant.item.value === '*' ? 'every resource, pods and workloads included' : listText([...new Set(resources)]);
        ctx.report({
          at: grant.item.node,
          message: `${role.label} grants create on ${what}: whoever is bound to it can run any image with any service account of the namespace.`,
        });
      }
    }
  },
});
