import { roleOf } from '../k8s/rbac.js';
import { defineRule } from '../rule.js';

const WHAT: Record<'verbs' | 'resources' | 'apiGroups', string> = {
  verbs: 'every verb, including ones added to the API later',
  resources: 'every resource, including subresources and resources added later',
  apiGroups: 'every API group, including custom resources installed later',
};

export default defineRule({
  meta: {
    id: 'rbac-wildcard',
    title: 'Roles must not grant wildcard permissions',
    severity: 'warning',
    category: 'Authentication and authorization',
    guidance: [
      { section: 'Role-based access control', page: 21, quote: 'Privileges assigned to users, groups, and service accounts should follow the principle of least privilege, giving only required permissions to resources.' },
      { section: 'Role-based access control', page: 21, quote: 'Access to the Kubernetes API is limited by creating an RBAC Role or ClusterRole with the appropriate API request verb and desired resource' },
    ],
    why: 'A `*` grants far more than the author had in mind: every verb includes `escalate`, `bind` and `impersonate`, every resource includes secrets and `pods/exec`, and every resource or group also covers whatever is added to the cluster later.',
    remediation: 'Replace each `*` with the explicit verbs, resources and API groups the subject needs.',
    peers: ['kubescape C-0187', 'kube-linter wildcard-in-rules', 'Checkov CKV_K8S_49', 'Trivy KSV044', 'Trivy KSV045', 'Trivy KSV046'],
    examples: {
      failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: deployer
rules:
  - apiGroups: ["apps"]
    resources: ["*"]
    verbs: ["*"]
`,
      passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: deployer
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["get", "list", "watch", "update", "patch"]
`,
    },
  },
  check(object, ctx) {
    const role = roleOf(ctx.src.doc, object);
    if (!role) return;
    for (const rule of role.rules) {
      for (const list of ['apiGroups', 'resources', 'verbs'] as const) {
        for (const item of rule[list]) {
          if (item.value !== '*') continue;
          ctx.report({
            at: item.node,
            message: `${role.label} has \`*\` in ${list}: it grants ${WHAT[list]}.`,
          });
        }
      }
    }
  },
});
