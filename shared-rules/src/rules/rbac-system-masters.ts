import { bindingOf } from '../k8s/rbac.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'rbac-system-masters',
    title: 'Do not bind the system:masters group',
    severity: 'error',
    category: 'Authentication and authorization',
    guidance: [
      { section: 'Role-based access control', page: 21, quote: 'Privileges assigned to users, groups, and service accounts should follow the principle of least privilege, giving only required permissions to resources.' },
    ],
    why: 'Members of `system:masters` bypass RBAC altogether: the API server allows their every request before any role is consulted, and their access cannot be taken away by editing roles or bindings, only by revoking their certificates. A binding that names the group shows a design that relies on it.',
    remediation: 'Bind the people or service accounts that need administration to an explicit role instead, and issue no credentials in the `system:masters` group.',
    peers: ['Trivy KSV123'],
    examples: {
      failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ops
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: system:masters
`,
      passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ops
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: ops-team
`,
    },
  },
  check(object, ctx) {
    const binding = bindingOf(ctx.src.doc, object);
    if (!binding) return;
    for (const subject of binding.subjects) {
      if (subject.kind !== 'Group' || subject.name !== 'system:masters') continue;
      ctx.report({
        at: subject.anchor,
        message: `${binding.label} names the group system:masters, whose members bypass RBAC authorization altogether.`,
      });
    }
  },
});
