import { describeGrant, grantsOf, listText, reachedResources, roleOf, type Wanted } from '../k8s/rbac.js';
import { defineRule } from '../rule.js';

const RBAC = 'rbac.authorization.k8s.io';

/** The verbs that lift a subject above its own permissions, and what each acts on. */
const ESCALATING_VERBS: ReadonlyArray<{ readonly verb: string; readonly on: readonly Wanted[] }> = [
  { verb: 'escalate', on: [{ group: RBAC, resources: ['roles'] }, { group: RBAC, resources: ['clusterroles'], clusterScoped: true }] },
  { verb: 'bind', on: [{ group: RBAC, resources: ['roles'] }, { group: RBAC, resources: ['clusterroles'], clusterScoped: true }] },
  {
    verb: 'impersonate',
    on: [{ group: '', resources: ['users', 'groups'], clusterScoped: true }, { group: '', resources: ['serviceaccounts'] }],
  },
];

/** Creating bindings, and minting tokens of any service account. */
const CREATE: readonly Wanted[] = [
  { group: RBAC, resources: ['rolebindings'], verbs: ['create'] },
  { group: RBAC, resources: ['clusterrolebindings'], verbs: ['create'], clusterScoped: true },
  { group: '', resources: ['serviceaccounts/token'], verbs: ['create'] },
];

const CONSEQUENCE = 'whoever is bound to it can give itself permissions it was not granted';

export default defineRule({
  meta: {
    id: 'rbac-privilege-escalation',
    title: 'Roles must not allow privilege escalation',
    severity: 'error',
    category: 'Authentication and authorization',
    guidance: [
      { section: 'Role-based access control', page: 21, quote: 'To create or update Roles and ClusterRoles, a user must have the permissions contained in the new role at the same scope or possess explicit permission to perform the escalate verb on the Roles or ClusterRoles resources in the rbac.authorization.k8s.io API group.' },
    ],
    why: 'RBAC stops a subject from granting more than it holds, except through these doors: `escalate` writes roles beyond its own permissions, `bind` binds roles it does not hold, `impersonate` acts as another user or group, creating bindings hands out roles, and creating `serviceaccounts/token` mints tokens of more privileged service accounts.',
    remediation: 'Remove the `escalate`, `bind` and `impersonate` verbs and `create` on bindings and `serviceaccounts/token`; keep them only for the controllers that manage RBAC.',
    peers: ['kubescape C-0191', 'Checkov CKV_K8S_157', 'Checkov CKV_K8S_158', 'Trivy KSV043', 'Trivy KSV050'],
    examples: {
      failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: role-manager
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles", "clusterroles"]
    verbs: ["get", "list", "create", "update", "escalate"]
`,
      passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: role-viewer
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles", "clusterroles", "rolebindings", "clusterrolebindings"]
    verbs: ["get", "list", "watch"]
`,
    },
  },
  check(object, ctx) {
    const role = roleOf(ctx.src.doc, object);
    if (!role) return;
    for (const rule of role.rules) {
      // escalate, bind, impersonate: on the verb item (or the `*` that includes them).
      for (const item of rule.verbs) {
        // Verbs on the same resources share one phrase: "escalate and bind on roles and clusterroles".
        const parts: { verbs: string[]; on: string }[] = [];
        for (const { verb, on } of ESCALATING_VERBS) {
          if (item.value !== verb && item.value !== '*') continue;
          const resources = listText([...new Set(on.flatMap((w) => reachedResources(role, rule, w)))]);
          if (!resources) continue;
          const same = parts.find((p) => p.on === resources);
          if (same) same.verbs.push(verb);
          else parts.push({ verbs: [verb], on: resources });
        }
        if (parts.length === 0) continue;
        const how = item.value === '*' ? ' (through `*` in verbs)' : '';
        ctx.report({ at: item.node, message: `${role.label} grants ${parts.map((p) => `${listText(p.verbs)} on ${p.on}`).join('; ')}${how}: ${CONSEQUENCE}.` });
      }
      // create on bindings and on serviceaccounts/token: on the resource item.
      for (const grant of grantsOf(role, rule, CREATE)) {
        const how = grant.parts.some((p) => p.resources.includes(grant.item.value)) ? '' : ` (through \`${grant.item.value}\`)`;
        ctx.report({ at: grant.item.node, message: `${role.label} grants ${describeGrant(grant)}${how}: ${CONSEQUENCE}.` });
      }
    }
  },
});
