import { bindingOf } from '../k8s/rbac.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'rbac-cluster-admin-binding',
    title: 'Do not bind the cluster-admin role',
    severity: 'error',
    category: 'Authentication and authorization',
    guidance: [
      { section: 'Role-based access control', page: 21, quote: 'Privileges assigned to users, groups, and service accounts should follow the principle of least privilege, giving only required permissions to resources.' },
      { section: 'Role-based access control', page: 20, quote: 'ClusterRoleBindings grant users, groups, or service accounts ClusterRoles across all cluster resources.' },
    ],
    why: '`cluster-admin` is every verb on every resource: a subject bound to it (through a ClusterRoleBinding cluster-wide, through a RoleBinding in a whole namespace) reads every Secret and can run privileged pods, so one stolen token of it is the whole cluster (or namespace).',
    remediation: 'Bind a role that lists only the permissions the subject needs (`admin`, `edit`, `view`, or a role of your own) instead of `cluster-admin`.',
    peers: ['kubescape C-0035', 'kube-linter cluster-admin-role-binding', 'Polaris clusterrolebindingClusterAdmin'],
    examples: {
      failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci-deployer
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: ServiceAccount
    name: deployer
    namespace: ci
`,
      passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ci-deployer
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: edit
subjects:
  - kind: ServiceAccount
    name: deployer
    namespace: ci
`,
    },
  },
  check(object, ctx) {
    const binding = bindingOf(ctx.src.doc, object);
    if (!binding?.roleRef || binding.roleRef.name !== 'cluster-admin' || !binding.roleRef.nameNode) return;
    const scope = binding.kind === 'ClusterRoleBinding' ? 'the whole cluster' : 'its whole namespace';
    const n = binding.subjects.length;
    ctx.report({
      at: binding.roleRef.nameNode,
      message: `${binding.label} grants cluster-admin${n > 0 ? ` to ${n} subject${n > 1 ? 's' : ''}` : ''}: every verb on every resource of ${scope}.`,
    });
  },
});
