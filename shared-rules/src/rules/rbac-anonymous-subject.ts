import { bindingOf } from '../k8s/rbac.js';
import { defineRule, fix } from '../rule.js';
import { removeItem } from '../yaml/edit.js';

/** The discovery roles Kubernetes itself binds to every authenticated user. */
const FOR_EVERYONE = new Set(['system:basic-user', 'system:discovery', 'system:public-info-viewer']);

export default defineRule({
  meta: {
    id: 'rbac-anonymous-subject',
    title: 'Do not bind roles to anonymous or all authenticated users',
    severity: 'error',
    category: 'Authentication and authorization',
    guidance: [
      { section: 'Authentication', page: 20, quote: 'When RBAC is enabled, anonymous requests require explicit authorization of the system:anonymous user or system:unauthenticated group.' },
      { section: 'Authentication', page: 20, quote: 'Leaving anonymous requests enabled could allow a cyber actor to access cluster resources without authentication.' },
    ],
    why: 'A binding to `system:anonymous` or `system:unauthenticated` opens the role to anyone who can reach the API server, without credentials; `system:authenticated` opens it to every user and every service account of every pod, so one compromised container is enough.',
    remediation: 'Remove the subject and bind the role to the users, groups or service accounts that need it.',
    fix: { safety: 'safe', description: 'Removes the anonymous or all-users subject from the binding (leaving `subjects: []` when it was the only one).' },
    peers: ['kubescape C-0262', 'Trivy KSV122'],
    examples: {
      failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: public-status
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: status-reader
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: User
    name: system:anonymous
`,
      passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: public-info
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:public-info-viewer
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: system:authenticated
`,
    },
  },
  check(object, ctx) {
    const binding = bindingOf(ctx.src.doc, object);
    if (!binding) return;
    const ref = binding.roleRef;
    const role = ref?.name ? `${ref.kind ?? 'role'} \`${ref.name}\`` : 'its role';
    for (const subject of binding.subjects) {
      let who: string | undefined;
      if (subject.kind === 'User' && subject.name === 'system:anonymous') who = 'every request without credentials';
      else if (subject.kind === 'Group' && subject.name === 'system:unauthenticated') who = 'every request without credentials';
      else if (subject.kind === 'Group' && subject.name === 'system:authenticated') {
        if (ref?.kind === 'ClusterRole' && ref.name !== undefined && FOR_EVERYONE.has(ref.name)) continue;
        who = 'every user and every service account of every pod';
      }
      if (!who) continue;
      ctx.report({
        at: subject.anchor,
        message: `${binding.label} grants ${role} to ${subject.name}: ${who}.`,
        fixes: [fix(`Remove subject ${subject.name} from ${binding.label}`, binding.subjectsSeq && removeItem(ctx.src, binding.subjectsSeq, subject.node), 'safe')],
      });
    }
  },
});

