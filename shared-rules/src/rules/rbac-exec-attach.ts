import { describeGrant, grantsOf, roleOf, type Wanted } from '../k8s/rbac.js';
import { defineRule } from '../rule.js';

/** Exec and attach go through create (SPDY) or get (websockets); the kubelet API behind nodes/proxy takes any verb. */
const WANTED: readonly Wanted[] = [
  { group: '', resources: ['pods/exec', 'pods/attach'], verbs: ['create', 'get'] },
  { group: '', resources: ['nodes/proxy'], clusterScoped: true },
];

export default defineRule({
  meta: {
    id: 'rbac-exec-attach',
    title: 'Roles should not allow exec, attach or the node proxy',
    severity: 'warning',
    category: 'Authentication and authorization',
    guidance: [
      { section: 'Threat model', page: 6, quote: 'Kubernetes administrators have control over running containers, including the ability to execute arbitrary commands inside containerized environments. Kubernetes-enforced RBAC authorization can help reduce the risk by restricting access to sensitive capabilities.' },
    ],
    why: 'Exec and attach run commands inside any pod of the scope, with that pod’s service account token, mounted Secrets and network position; `nodes/proxy` reaches the kubelet API, which runs commands in every pod of the node outside the API server’s exec authorization and audit.',
    remediation: 'Grant `pods/exec` and `pods/attach` only to the few people who debug running pods (ideally through a time-limited binding), and `nodes/proxy` to no one but monitoring that truly needs it.',
    peers: ['kubescape C-0002', 'Polaris rolePodExecAttach'],
    examples: {
      failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: debugger
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/exec"]
    verbs: ["get", "create"]
`,
      passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: debugger
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log"]
    verbs: ["get", "list"]
`,
    },
  },
  check(object, ctx) {
    const role = roleOf(ctx.src.doc, object);
    if (!role) return;
    for (const rule of role.rules) {
      for (const grant of grantsOf(role, rule, WANTED)) {
        const how = grant.parts.some((p) => p.resources.includes(grant.item.value)) ? '' : ` (through \`${grant.item.value}\`)`;
        ctx.report({
          at: grant.item.node,
          message: `${role.label} grants ${describeGrant(grant)}${how}: whoever is bound to it can run commands in running containers.`,
        });
      }
    }
  },
});
